package io.vpmon.spec;

/** The seed's three alert tiers, from most to least urgent. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM;

    public String label() {
        return Binder.enumName(this);
    }
}
