package io.vpmon.alert;

import io.vpmon.VpmonException;
import io.vpmon.generate.GeneratedAlert;
import io.vpmon.spec.DidYouMean;
import io.vpmon.spec.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which generated alerts a test fires: named ones, one tier, all, or by default the first of each tier. */
public final class AlertSelection {
    private AlertSelection() {
    }

    public static List<GeneratedAlert> select(List<GeneratedAlert> alerts, List<String> names, Severity severity,
            boolean all) {
        if (!names.isEmpty()) {
            Set<String> unique = new LinkedHashSet<>(names);
            List<GeneratedAlert> chosen = new ArrayList<>();
            unique.forEach(name -> chosen.add(byName(alerts, name)));
            return chosen;
        }
        if (severity != null) {
            List<GeneratedAlert> tier = alerts.stream().filter(a -> a.severity() == severity).toList();
            if (tier.isEmpty()) {
                throw VpmonException.usage("the spec has no enabled " + severity.label() + " alert to test");
            }
            return tier;
        }
        if (all) {
            return alerts;
        }
        List<GeneratedAlert> firstOfEachTier = new ArrayList<>();
        for (Severity s : Severity.values()) {
            alerts.stream().filter(a -> a.severity() == s).findFirst().ifPresent(firstOfEachTier::add);
        }
        return firstOfEachTier;
    }

    public static GeneratedAlert byName(List<GeneratedAlert> alerts, String name) {
        return alerts.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() -> {
            List<String> known = alerts.stream().map(GeneratedAlert::name).toList();
            return VpmonException.usage("no alert named '" + name + "' in the spec (or it is disabled); "
                    + DidYouMean.hint(name, known));
        });
    }
}
