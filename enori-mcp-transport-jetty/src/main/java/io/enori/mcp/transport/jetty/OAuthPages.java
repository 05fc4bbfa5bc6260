package io.enori.mcp.transport.jetty;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The sign-in, consent and error pages of the OAuth authorization flow: plain, small, accessible HTML with inline
 * CSS and no script. Every value that comes from a client or a user is escaped.
 */
final class OAuthPages {
    private static final String CSS = """
            body{font:16px/1.5 system-ui,sans-serif;background:#f4f5f7;color:#1b1f24;margin:0}
            main{max-width:26rem;margin:4rem auto;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:2rem}
            h1{font-size:1.35rem;margin:0 0 1rem}
            label{display:block;font-weight:600;margin:1rem 0 .25rem}
            input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.55rem;border:1px solid #8c959f;border-radius:6px;font:inherit}
            input:focus,button:focus{outline:3px solid #0969da;outline-offset:1px}
            button{margin-top:1.25rem;padding:.6rem 1.1rem;border-radius:6px;border:1px solid #1f6f3f;background:#1f883d;color:#fff;font:inherit;font-weight:600;cursor:pointer}
            button.secondary{background:#fff;color:#1b1f24;border-color:#8c959f;margin-left:.5rem}
            .alert{background:#ffebe9;border:1px solid #cf222e;border-radius:6px;padding:.6rem;margin-bottom:1rem}
            dl{margin:0}dt{font-weight:600;margin-top:.75rem}dd{margin:0;overflow-wrap:anywhere}
            .muted{color:#57606a;font-size:.9rem}
            """;

    private OAuthPages() {
    }

    /** The sign-in form: email and password, posted back with the flow id and its CSRF token. */
    static void signIn(HttpServletResponse response, int status, String flowId, String csrf, String clientName,
                       String email, String problem) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sign in to Enori</h1>");
        body.append("<p><strong>").append(esc(clientName)).append("</strong> wants to use your Enori account.</p>");
        if (problem != null) {
            body.append("<p class=\"alert\" role=\"alert\">").append(esc(problem)).append("</p>");
        }
        body.append("<form method=\"post\" action=\"").append(OAuthHttp.AUTHORIZE_PATH).append("\">");
        hidden(body, "flow", flowId);
        hidden(body, "csrf", csrf);
        hidden(body, "step", "sign-in");
        body.append("<label for=\"email\">Email</label>");
        body.append("<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\"")
                .append(esc(email == null ? "" : email)).append("\">");
        body.append("<label for=\"password\">Password</label>");
        body.append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " required>");
        body.append("<button type=\"submit\">Sign in</button>");
        body.append("</form>");
        write(response, status, "Sign in · Enori", body.toString());
    }

    /** Which client asks (its name and where it sends you back), for which account; approve or deny. */
    static void consent(HttpServletResponse response, String flowId, String csrf, String clientName,
                        String redirectHost, String userEmail, String accountId) throws IOException {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Allow access?</h1>");
        body.append("<p><strong>").append(esc(clientName)).append("</strong> asks for full access to your Enori "
                + "account: it can read and change monitors, incidents, SLOs and status pages as you.</p>");
        body.append("<dl>");
        body.append("<dt>Application</dt><dd>").append(esc(clientName)).append("</dd>");
        body.append("<dt>Sends you back to</dt><dd>").append(esc(redirectHost)).append("</dd>");
        body.append("<dt>Account</dt><dd>").append(esc(accountId)).append("</dd>");
        body.append("<dt>Signed in as</dt><dd>").append(esc(userEmail)).append("</dd>");
        body.append("</dl>");
        body.append("<form method=\"post\" action=\"").append(OAuthHttp.AUTHORIZE_PATH).append("\">");
        hidden(body, "flow", flowId);
        hidden(body, "csrf", csrf);
        hidden(body, "step", "consent");
        body.append("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>");
        body.append("<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\">Deny</button>");
        body.append("</form>");
        body.append("<p class=\"muted\">Only approve applications you trust.</p>");
        write(response, 200, "Allow access · Enori", body.toString());
    }

    /** An error we must not redirect (the client or its redirect URI is not trusted yet), or a refused form. */
    static void error(HttpServletResponse response, int status, String title, String detail) throws IOException {
        String body = "<h1>" + esc(title) + "</h1><p class=\"alert\" role=\"alert\">" + esc(detail) + "</p>"
                + "<p class=\"muted\">Go back to the application and start the sign-in again.</p>";
        write(response, status, title + " · Enori", body);
    }

    private static void hidden(StringBuilder body, String name, String value) {
        body.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value))
                .append("\">");
    }

    private static void write(HttpServletResponse response, int status, String title, String body) throws IOException {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body><main>" + body
                + "</main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        // No framing (clickjacking the approve button), no scripts at all, forms only back to us.
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
