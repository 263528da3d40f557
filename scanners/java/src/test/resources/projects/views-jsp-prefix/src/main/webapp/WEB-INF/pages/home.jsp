<p>${greeting}</p> <!-- expect: java/web/xss -->
