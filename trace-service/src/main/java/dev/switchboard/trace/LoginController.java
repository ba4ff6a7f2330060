package dev.switchboard.trace;

import dev.switchboard.websecurity.SwitchboardWebSecurity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's sign-in page: the password form for configured users, a link per OIDC client. */
@Controller
class LoginController {
  private final SwitchboardWebSecurity security;

  LoginController(SwitchboardWebSecurity security) {
    this.security = security;
  }

  @GetMapping(SwitchboardWebSecurity.LOGIN_PAGE)
  String login(
      Model model,
      @RequestParam(required = false) String error,
      @RequestParam(name = "signed-out", required = false) String signedOut) {
    model.addAllAttributes(security.loginModel(error != null, signedOut != null));
    return "console/login";
  }
}
