package web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The JSP view resolves with spring.mvc.view.prefix/suffix from application.properties. */
@Controller
class HomeController {
  @GetMapping("/")
  String home(@RequestParam String greeting, Model model) {
    model.addAttribute("greeting", greeting);
    return "home";
  }
}
