package io.vpmon.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A unified diff (as {@code diff -u} prints it) of two texts, by Myers' shortest-edit algorithm. */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    private enum Op {
        KEEP, DELETE, INSERT
    }

    private record Edit(Op op, String line, int oldIndex, int newIndex) {
    }

    /** The diff, or an empty string when the texts are equal. */
    static String diff(String oldName, String oldText, String newName, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.KEEP) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int keepRun = 0;
            while (end < edits.size() && keepRun <= 2 * CONTEXT) {
                keepRun = edits.get(end).op() == Op.KEEP ? keepRun + 1 : 0;
                end++;
            }
            end = Math.min(edits.size(), end - Math.max(0, keepRun - CONTEXT));
            hunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op() != Op.INSERT) {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = e.oldIndex();
                }
            }
            if (e.op() != Op.DELETE) {
                newCount++;
                if (newStart < 0) {
                    newStart = e.newIndex();
                }
            }
        }
        Edit first = hunk.get(0);
        if (oldStart < 0) {
            oldStart = first.oldIndex() - 1;
        }
        if (newStart < 0) {
            newStart = first.newIndex() - 1;
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(switch (e.op()) {
                case KEEP -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            }).append(e.line()).append('\n');
        }
    }

    private static String range(int zeroBasedStart, int count) {
        int start = zeroBasedStart + 1;
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        outer:
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    break outer;
                }
            }
        }
        List<Edit> edits = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0 && (x > 0 || y > 0); d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = vd[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                edits.add(new Edit(Op.KEEP, a.get(x - 1), x - 1, y - 1));
                x--;
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    edits.add(new Edit(Op.INSERT, b.get(y - 1), x, y - 1));
                } else {
                    edits.add(new Edit(Op.DELETE, a.get(x - 1), x - 1, y));
                }
            }
            x = prevX;
            y = prevY;
        }
        java.util.Collections.reverse(edits);
        return edits;
    }
}
