package io.enori.mcp.core.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.core.tool.RequestContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGeneratorTest {

    @Test
    void sampledStepsAreValidatedAndInvalidOnesDroppedWithTheReason() {
        String answer = "Here you go:\n{\"steps\":[{\"kind\":\"navigate\",\"url\":\"https://a.example.com\"},"
                + "{\"kind\":\"hover\",\"selector\":\"#menu\"},{\"kind\":\"click\",\"selector\":\"#buy\"}]}";
        StepGenerator.Proposal p = new StepGenerator(Duration.ofSeconds(1))
                .generate("https://a.example.com", "buy", RequestContext.withSampler((s, u, m) -> answer));
        assertThat(p.source()).isEqualTo("sampling");
        assertThat(p.steps()).extracting(BrowserViews.StepView::kind).containsExactly("navigate", "click");
        assertThat(p.dropped()).singleElement().asString().startsWith("steps[1].kind must be one of");
    }

    @Test
    void anAnswerWithoutUsableStepsIsRejectedWithTheReason() {
        assertThatThrownBy(() -> StepGenerator.sampled("https://a.example.com", "I cannot help with that."))
                .isInstanceOfSatisfying(ToolFailure.class, f -> {
                    assertThat(f.error().message()).isEqualTo("Generated steps rejected");
                    assertThat(f.error().details().get("reason").toString()).contains("not JSON");
                });
        assertThatThrownBy(() -> StepGenerator.sampled("https://a.example.com", "{\"steps\":[{\"kind\":\"click\"}]}"))
                .isInstanceOfSatisfying(ToolFailure.class, f -> assertThat(f.error().details().get("reason").toString())
                        .contains("steps[0].selector is required for click"));
    }

    @Test
    void theBuiltInGeneratorProposesStepsFromTitleFormAndButton() {
        String html = "<html><head><title>Acme Login</title></head><body><form action=/s>"
                + "<input type=email name=email><input type=password id=pw><button type=submit>Sign in</button>"
                + "</form></body></html>";
        List<BrowserViews.StepView> steps = StepGenerator.fromHtml("https://a.example.com/login", html, null);
        assertThat(steps).extracting(BrowserViews.StepView::kind)
                .containsExactly("navigate", "assertText", "fill", "fill", "click", "waitFor", "screenshot");
        assertThat(steps.get(1).text()).isEqualTo("Acme Login");
        assertThat(steps.get(2).selector()).isEqualTo("input[name=\"email\"]");
        assertThat(steps.get(3).value()).isEqualTo("{{password}}");
        // Every proposal passes our own validation.
        BrowserSteps.parse("steps", BrowserViews.raw(steps));
    }
}
