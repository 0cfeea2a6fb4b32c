package org.jacobianlens.app.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Which of the build's JVM flags ({@link BuildInfo#jvmArgs()}) a JVM was started without. A {@code -Dname=value}
 * counts as given when the property is set; any other flag ({@code -Xmx4g}, {@code -XX:MaxRAM=...}) when an
 * argument of the same option, whatever its value, is on the JVM's command line: what the user chose wins.
 */
public final class JvmFlags {
    private JvmFlags() {
    }

    /** The flags of {@code wanted} that neither {@code given} (the JVM's arguments) nor {@code props} set. */
    public static List<String> missing(List<String> wanted, List<String> given, Properties props) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            boolean present;
            if (w.startsWith("-D")) {
                int eq = w.indexOf('=');
                present = props.getProperty(w.substring(2, eq < 0 ? w.length() : eq)) != null;
            } else {
                String option = option(w);
                present = given.stream().anyMatch(g -> option(g).equals(option));
            }
            if (!present) {
                out.add(w);
            }
        }
        return out;
    }

    /** The option a flag sets: {@code -Xmx} of {@code -Xmx4g}, {@code -XX:MaxRAM} of {@code -XX:MaxRAM=8g}. */
    static String option(String flag) {
        int eq = flag.indexOf('=');
        if (eq >= 0) {
            return flag.substring(0, eq);
        }
        if (flag.startsWith("-XX:")) {
            return flag.startsWith("-XX:+") || flag.startsWith("-XX:-") ? "-XX:" + flag.substring(5) : flag;
        }
        if (flag.startsWith("-X")) {
            int i = 2;
            while (i < flag.length() && !Character.isDigit(flag.charAt(i))) {
                i++;
            }
            return flag.substring(0, i);
        }
        return flag;
    }
}
