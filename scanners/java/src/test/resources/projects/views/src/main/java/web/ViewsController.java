package web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;

/** Handlers rendering FreeMarker, JSP and Mustache views with request data in the model. */
@Controller
class ViewsController {

  @GetMapping("/profile")
  String profile(@RequestParam String bio, @RequestParam String name, Model model) {
    model.addAttribute("bio", bio);
    model.addAttribute("name", name);
    model.addAttribute("motto", "Be kind");
    model.addAttribute("safeBio", HtmlUtils.htmlEscape(bio));
    return "users/profile"; // FreeMarker: templates/users/profile.ftlh
  }

  @GetMapping("/orders")
  ModelAndView orders(@RequestParam String note, @RequestParam int count) {
    ModelAndView mv = new ModelAndView("orders"); // JSP: WEB-INF/jsp/orders.jsp
    mv.addObject("note", note);
    mv.addObject("count", count);
    mv.addObject("title", "Orders");
    return mv;
  }

  @GetMapping("/card")
  String card(@RequestParam String comment, Model model) {
    model.addAttribute("comment", comment);
    model.addAttribute("footer", "<b>static</b>");
    return "card"; // Mustache: templates/card.mustache
  }

  @GetMapping("/saved")
  String saved(@RequestParam String note, Model model) {
    model.addAttribute("note", note);
    return "redirect:/orders"; // a redirect renders no view
  }
}
