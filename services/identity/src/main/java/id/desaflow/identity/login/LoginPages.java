package id.desaflow.identity.login;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The two sign-in pages: officials and residents post to the same /login; the failure goes back to the right one. */
@Controller
class LoginPages {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String petugas(HttpServletRequest request, @RequestParam(required = false) String error) {
        return form("Masuk Petugas Desa", "petugas",
                "<label for=\"username\">Nama pengguna</label>"
                        + "<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\" required>"
                        + "<label for=\"password\">Kata sandi</label>"
                        + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                        + " required>",
                error, request, "<p><a href=\"/login/warga\">Saya warga: masuk dengan NIK dan PIN</a></p>");
    }

    @GetMapping(value = "/login/warga", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String warga(HttpServletRequest request, @RequestParam(required = false) String error) {
        return form("Masuk Warga", "warga",
                "<label for=\"username\">NIK (16 angka)</label>"
                        + "<input id=\"username\" name=\"username\" type=\"text\" inputmode=\"numeric\""
                        + " pattern=\"[0-9]{16}\" autocomplete=\"off\" required>"
                        + "<label for=\"password\">PIN (6 angka)</label>"
                        + "<input id=\"password\" name=\"password\" type=\"password\" inputmode=\"numeric\""
                        + " pattern=\"[0-9]{6}\" autocomplete=\"current-password\" required>",
                error, request, "<p>Belum punya PIN atau lupa PIN? Minta di kantor desa dengan membawa KTP, atau "
                        + "<a href=\"/login/warga/kode\">minta kode ke nomor/email yang terdaftar</a>.</p>"
                        + "<p><a href=\"/login\">Masuk sebagai petugas desa</a></p>");
    }

    private static String form(String title, String form, String fields, String error, HttpServletRequest request,
            String footer) {
        String message = error == null ? "" : LoginHtml.alert("locked".equals(error)
                ? "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit."
                : "Data masuk tidak cocok. Periksa kembali lalu coba lagi.");
        return LoginHtml.page(title, message + "<form method=\"post\" action=\"/login\">" + LoginHtml.csrf(request)
                + "<input type=\"hidden\" name=\"form\" value=\"" + form + "\">" + fields
                + "<button type=\"submit\">Masuk</button></form>" + footer);
    }
}
