package io.vpmon.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component a plain scalar binds to when a mapping is expected, so
 * {@code accuracy: model_accuracy} means {@code accuracy: {name: model_accuracy}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Shorthand {
}
