package io.leadpipeline.capture.api;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The small HTML page a browser sees when a plain form post fails and the form has no error URL. */
final class HtmlPages {

    /** A field problem as the form's designer named the input. */
    record InputProblem(String input, String message) {
    }

    private HtmlPages() {
    }

    static Response error(Refusal refusal, List<InputProblem> problems) {
        Response.ResponseBuilder response = Response.status(refusal.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(page(refusal, problems));
        refusal.headers().forEach(response::header);
        return response.build();
    }

    /** The page itself, for answers written outside a resource (a form body that cannot be read). */
    static String page(Refusal refusal, List<InputProblem> problems) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>""").append(escape(refusal.title())).append("""
                </title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
                h1{font-size:1.4rem}li{margin:.3rem 0}code{background:#f3f3f3;padding:0 .2rem}</style></head><body>
                """);
        html.append("<h1>").append(refusal.fieldErrors() ? "Please check the form" : escape(refusal.title())).append("</h1>\n");
        html.append("<p>").append(escape(refusal.detail())).append("</p>\n");
        if (!problems.isEmpty()) {
            html.append("<ul>\n");
            problems.forEach(p -> html.append("<li><code>").append(escape(p.input())).append("</code> ")
                    .append(escape(p.message())).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append(refusal.fieldErrors() ? "<p>Go back, correct the form and send it again.</p>\n"
                : "<p>Go back and try again in a moment.</p>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
