package io.vpmon.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpmon.spec.LabelMatchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleLabelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"5..", "[23]..", "5..|429", "2\\d\\d", "(?:200|201)", "api-(canary|main)", "a+b?c*",
        "[^x]y", "x{3}", "^prod$"})
    void regexExamplesMatchTheirRegex(String regex) {
        String example = ExampleLabels.RegexExample.of(regex).orElseThrow();
        assertThat(example).matches(regex.replaceAll("^\\^|\\$$", ""));
    }

    @Test
    void unsatisfiableRegexesGiveNoExample() {
        assertThat(ExampleLabels.RegexExample.of("a(?=b)")).isEmpty();
    }

    @Test
    void examplesSatisfyEveryMatcherOrThereIsNone() {
        assertThat(ExampleLabels.satisfying(LabelMatchers.parse("job=~\"api|web\", env!=\"dev\", zone!~\"b.*\"")
                .orElseThrow()).orElseThrow()).containsEntry("job", "api").containsEntry("env", ExampleLabels.FILLER)
                .containsEntry("zone", ExampleLabels.FILLER);
        assertThat(ExampleLabels.satisfying(LabelMatchers.parse("job=\"a\", job!=\"a\"").orElseThrow())).isEmpty();
        assertThat(ExampleLabels.satisfying(LabelMatchers.parse("job=\"\"").orElseThrow()).orElseThrow()).isEmpty();
    }
}
