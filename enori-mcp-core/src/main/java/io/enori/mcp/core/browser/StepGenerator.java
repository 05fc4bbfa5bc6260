package io.enori.mcp.core.browser;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.Json;
import io.enori.mcp.core.tool.RequestContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes steps for a page. With a client that offers sampling, its model writes them (we validate, drop what
 * is invalid with the reason, and reject an answer with nothing usable); otherwise a built-in generator fetches
 * the page and proposes steps from its title, form fields, submit button and links.
 */
final class StepGenerator {
    static final int MAX_BODY = 512 * 1024;
    static final String REJECTED = "Generated steps rejected";
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern FORM = Pattern.compile("(?is)<form\\b.*?</form>");
    private static final Pattern INPUT = Pattern.compile("(?is)<(input|textarea|select)\\b([^>]*)>");
    private static final Pattern SUBMIT = Pattern.compile("(?is)<button\\b([^>]*)>(.*?)</button>|<input\\b([^>]*type\\s*=\\s*[\"']?submit[^>]*)>");
    private static final Pattern LINK = Pattern.compile("(?is)<a\\b[^>]*href\\s*=\\s*[\"']([^\"'#]+)[\"'][^>]*>(.*?)</a>");
    private static final Pattern ATTR = Pattern.compile("(?is)([a-z-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))");

    /** What was proposed: by whom, the steps, and what was dropped from a model's answer and why. */
    record Proposal(String source, List<BrowserViews.StepView> steps, List<String> dropped, String note) {
    }

    private final HttpClient http;
    private final Duration timeout;

    StepGenerator(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Proposal generate(String url, String description, RequestContext request) {
        if (request.sampler().isPresent()) {
            String answer;
            try {
                answer = request.sampler().get().sample(SYSTEM, prompt(url, description), 2000);
            } catch (RuntimeException e) {
                Proposal builtIn = builtIn(url, description);
                return new Proposal(builtIn.source(), builtIn.steps(), builtIn.dropped(),
                        "The client's model did not answer (" + e.getMessage() + "); used the built-in generator.");
            }
            return sampled(url, answer);
        }
        return builtIn(url, description);
    }

    static final String SYSTEM = "You write browser monitoring scripts. Answer with JSON only, no prose.";

    static String prompt(String url, String description) {
        return "Write up to " + BrowserStep.MAX_STEPS + " steps that check this page in a browser.\n"
                + "URL: " + url + "\n"
                + "Journey: " + (description == null ? "load the page and check it works" : description) + "\n"
                + "Allowed kinds and their fields: navigate{url}, click{selector}, fill{selector,value}, press{key}, "
                + "waitFor{selector or ms<=60000}, assertText{text, selector?}, assertVisible{selector}, screenshot{}.\n"
                + "Selectors are CSS, at most 500 characters. Use {{name}} in values for credentials.\n"
                + "Answer exactly: {\"steps\":[{\"kind\":\"navigate\",\"url\":\"" + url + "\"},"
                + "{\"kind\":\"assertVisible\",\"selector\":\"h1\"}]}";
    }

    /** Validates a model's answer step by step; throws {@link ToolFailure} when nothing usable remains. */
    static Proposal sampled(String url, String answer) {
        JsonNode root;
        try {
            String json = answer.strip();
            int start = json.indexOf('{');
            int arrayStart = json.indexOf('[');
            if (arrayStart >= 0 && (start < 0 || arrayStart < start)) {
                json = json.substring(arrayStart, json.lastIndexOf(']') + 1);
            } else if (start >= 0) {
                json = json.substring(start, json.lastIndexOf('}') + 1);
            }
            root = Json.mapper().readTree(json);
        } catch (IOException | RuntimeException e) {
            throw reject("the answer is not JSON of the shape {\"steps\":[...]}");
        }
        JsonNode steps = root.isArray() ? root : root.path("steps");
        if (!steps.isArray()) {
            throw reject("the answer has no \"steps\" array");
        }
        List<String> dropped = new ArrayList<>();
        List<BrowserViews.StepView> kept = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (kept.size() == BrowserStep.MAX_STEPS) {
                dropped.add("steps[" + i + "] and later: more than " + BrowserStep.MAX_STEPS + " steps");
                break;
            }
            Object raw = Json.mapper().convertValue(steps.get(i), Object.class);
            try {
                BrowserStep step = BrowserSteps.step("steps[" + i + "]", raw);
                kept.add(BrowserViews.steps(List.of(step)).get(0));
            } catch (ToolFailure invalid) {
                dropped.add(invalid.error().message().replaceFirst("^Invalid argument: ", ""));
            }
        }
        if (kept.isEmpty()) {
            throw reject("no valid step" + (dropped.isEmpty() ? "s" : ": " + String.join("; ", dropped)));
        }
        if (!"navigate".equals(kept.get(0).kind())) {
            if (kept.size() == BrowserStep.MAX_STEPS) {
                kept.remove(kept.size() - 1);
                dropped.add("last step: room for the navigate step added first");
            }
            kept.add(0, new BrowserViews.StepView("navigate", null, url, null, null, null, null));
        }
        return new Proposal("sampling", List.copyOf(kept), List.copyOf(dropped),
                dropped.isEmpty() ? null : "Some proposed steps were dropped; see dropped.");
    }

    private static ToolFailure reject(String reason) {
        return new ToolFailure(new ToolError(REJECTED, Map.of("reason", "The client's model answered unusable steps: "
                + reason + ".", "hint", "Call again, or pass steps yourself.")));
    }

    Proposal builtIn(String url, String description) {
        String html;
        String note = null;
        try {
            html = fetch(url);
        } catch (IOException e) {
            html = "";
            note = "Could not fetch the page (" + e.getMessage() + "); proposed a minimal journey.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            html = "";
            note = "Interrupted while fetching the page; proposed a minimal journey.";
        }
        return new Proposal("builtin", fromHtml(url, html, description), List.of(), note);
    }

    private String fetch(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET()
                .header("User-Agent", "enori-step-generator").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Steps from the page's HTML: navigate, title, the first form (fill + submit) or a few links, screenshot. */
    static List<BrowserViews.StepView> fromHtml(String url, String html, String description) {
        List<BrowserViews.StepView> steps = new ArrayList<>();
        steps.add(new BrowserViews.StepView("navigate", null, url, null, null, null, null));
        Matcher title = TITLE.matcher(html);
        if (title.find()) {
            String text = clean(title.group(1));
            if (!text.isEmpty()) {
                steps.add(new BrowserViews.StepView("assertText", null, null, null, null, cut(text, 200), null));
            }
        }
        Matcher form = FORM.matcher(html);
        if (form.find()) {
            Matcher input = INPUT.matcher(form.group());
            while (input.find() && steps.size() < 20) {
                Map<String, String> attrs = attrs(input.group(2));
                String type = attrs.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
                if (Set.of("hidden", "submit", "button", "checkbox", "radio", "image", "reset").contains(type)) {
                    continue;
                }
                String selector = selector(input.group(1).toLowerCase(Locale.ROOT), attrs);
                if (selector == null) {
                    continue;
                }
                String name = attrs.getOrDefault("name", attrs.getOrDefault("id", "field")).replaceAll("[^A-Za-z0-9_]", "_");
                String value = type.equals("password") ? "{{password}}" : type.equals("email") ? "{{email}}"
                        : "{{" + name + "}}";
                steps.add(new BrowserViews.StepView("fill", selector, null, value, null, null, null));
            }
            Matcher submit = SUBMIT.matcher(form.group());
            if (submit.find()) {
                Map<String, String> attrs = attrs(submit.group(1) != null ? submit.group(1) : submit.group(3));
                String selector = attrs.containsKey("id") ? "#" + attrs.get("id")
                        : submit.group(1) != null ? "form button" + (attrs.containsKey("type") ? "[type=\"" + attrs.get("type") + "\"]" : "")
                        : "form input[type=\"submit\"]";
                steps.add(new BrowserViews.StepView("click", selector, null, null, null, null, null));
                steps.add(new BrowserViews.StepView("waitFor", null, null, null, null, null, 2000));
            }
        } else {
            Matcher link = LINK.matcher(html);
            Set<String> seen = new LinkedHashSet<>();
            while (link.find() && seen.size() < 3) {
                String href = link.group(1).trim();
                if (href.startsWith("javascript:") || href.startsWith("mailto:") || clean(link.group(2)).isEmpty()
                        || !seen.add(href) || href.length() > 200 || href.contains("\"")) {
                    continue;
                }
                steps.add(new BrowserViews.StepView("assertVisible", "a[href=\"" + href + "\"]", null, null, null,
                        null, null));
            }
        }
        steps.add(new BrowserViews.StepView("screenshot", null, null, null, null, null, null));
        return List.copyOf(steps.subList(0, Math.min(steps.size(), BrowserStep.MAX_STEPS)));
    }

    private static String selector(String tag, Map<String, String> attrs) {
        if (attrs.containsKey("id") && attrs.get("id").matches("[A-Za-z][A-Za-z0-9_-]*")) {
            return "#" + attrs.get("id");
        }
        if (attrs.containsKey("name") && !attrs.get("name").contains("\"")) {
            return tag + "[name=\"" + attrs.get("name") + "\"]";
        }
        return null;
    }

    private static Map<String, String> attrs(String text) {
        Map<String, String> attrs = new java.util.HashMap<>();
        Matcher m = ATTR.matcher(text == null ? "" : text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attrs.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return attrs;
    }

    private static String clean(String html) {
        return html.replaceAll("(?s)<[^>]*>", " ").replace("&amp;", "&").replace("&nbsp;", " ")
                .replaceAll("\\s+", " ").trim();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
