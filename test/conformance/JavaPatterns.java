// The pattern oracle of test/conformance: java.util.regex, the engine AWS's request validation
// runs botocore's patterns on (Coral, whole-value matches, no flags). One JVM evaluates every
// (pattern, probe) pair, so the test pays for one start, not one per probe.
//
// Run as a single-file source program, no dependencies: `java JavaPatterns.java <input file>`.
// Input, one item a line: "S <hex>" adds a probe; "C <n>" says the first n probes are matched
// against every pattern; "P <hex>" adds a pattern, and "P <hex> <i>,<j>,..." one that is also
// matched against the probes with those (0-based) indexes (the long ones, which only their own
// member's pattern needs). <hex> is the text as UTF-16 code units, four hex digits each: newlines,
// line separators and lone surrogates travel unchanged, which no line-based text format does.
// Output: "V <java.version>", then one line per pattern in input order: "M " followed by one
// character per probe in input order ('1' matches, '0' does not, '-' not asked, 'X' the matcher
// overflowed its stack), or "E <message>" when the pattern does not compile.
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class JavaPatterns {
    public static void main(String[] args) throws IOException {
        InputStream source = args.length > 0 ? new FileInputStream(args[0]) : System.in;
        List<String> patterns = new ArrayList<>();
        List<int[]> extras = new ArrayList<>();
        List<String> probes = new ArrayList<>();
        int common = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(source, StandardCharsets.US_ASCII))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) continue;
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "S": probes.add(decode(parts.length > 1 ? parts[1] : "")); break;
                    case "C": common = Integer.parseInt(parts[1]); break;
                    case "P":
                        patterns.add(decode(parts.length > 1 ? parts[1] : ""));
                        int[] extra = new int[0];
                        if (parts.length > 2) {
                            String[] is = parts[2].split(",");
                            extra = new int[is.length];
                            for (int i = 0; i < is.length; i++) extra[i] = Integer.parseInt(is[i]);
                        }
                        extras.add(extra);
                        break;
                    default: throw new IllegalArgumentException("bad input line: " + line.substring(0, Math.min(line.length(), 20)));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("V ").append(System.getProperty("java.version")).append('\n');
        for (int k = 0; k < patterns.size(); k++) {
            String p = patterns.get(k);
            Pattern compiled;
            try {
                compiled = Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                out.append("E ").append(e.getDescription().replace('\n', ' ')).append('\n');
                continue;
            }
            char[] verdicts = new char[probes.size()];
            java.util.Arrays.fill(verdicts, '-');
            for (int i = 0; i < common; i++) verdicts[i] = verdict(compiled, probes.get(i));
            for (int i : extras.get(k)) verdicts[i] = verdict(compiled, probes.get(i));
            out.append("M ").append(verdicts).append('\n');
        }
        System.out.print(out);
    }

    private static char verdict(Pattern p, String s) {
        try {
            return p.matcher(s).matches() ? '1' : '0';
        } catch (StackOverflowError e) {
            return 'X';
        }
    }

    private static String decode(String hex) {
        if (hex.length() % 4 != 0) throw new IllegalArgumentException("hex length not a multiple of 4");
        char[] cs = new char[hex.length() / 4];
        for (int i = 0; i < cs.length; i++) cs[i] = (char) Integer.parseInt(hex.substring(4 * i, 4 * i + 4), 16);
        return new String(cs);
    }
}
