import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/// Draws Rackside's icon (a server rack: three units with status lights) and writes the three files
/// jpackage wants: rackside.png (Linux), rackside.ico (Windows), rackside.icns (macOS).
///
/// Run once, by hand, when the icon changes; the outputs are committed so the installer build needs
/// no image tools on any OS:
///
///     java installers/icons/IconGen.java installers/icons
///
/// Pure JDK (java.desktop). ICO and ICNS both allow PNG-compressed entries, so each is a small
/// header around the PNGs of a few sizes.
public final class IconGen {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Files.write(out.resolve("rackside.png"), png(draw(256)));

        Map<Integer, byte[]> ico = new LinkedHashMap<>();
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256}) {
            ico.put(size, png(draw(size)));
        }
        Files.write(out.resolve("rackside.ico"), ico(ico));

        // ICNS types holding PNG data: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x).
        Map<String, byte[]> icns = new LinkedHashMap<>();
        icns.put("ic11", png(draw(32)));
        icns.put("ic07", png(draw(128)));
        icns.put("ic08", png(draw(256)));
        icns.put("ic09", png(draw(512)));
        icns.put("ic10", png(draw(1024)));
        Files.write(out.resolve("rackside.icns"), icns(icns));
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.scale(s, s);

        // Rounded tile, blue-to-indigo.
        g.setPaint(new GradientPaint(0, 0, new Color(0x2563EB), 0, 256, new Color(0x312E81)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));

        // Three rack units.
        Color unit = new Color(0xF8FAFC);
        Color slot = new Color(0x94A3B8);
        Color[] lights = {new Color(0x22C55E), new Color(0x22C55E), new Color(0xF59E0B)};
        for (int i = 0; i < 3; i++) {
            double y = 52 + i * 54;
            g.setColor(unit);
            g.fill(new RoundRectangle2D.Double(44, y, 168, 42, 12, 12));
            g.setColor(slot);
            g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(64, (int) (y + 21), 132, (int) (y + 21));
            g.setColor(lights[i]);
            g.fill(new Ellipse2D.Double(172, y + 11, 20, 20));
        }
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    /// ICONDIR + one ICONDIRENTRY per size, then the PNGs (little-endian; 256 is written as 0).
    static byte[] ico(Map<Integer, byte[]> pngs) {
        int header = 6 + 16 * pngs.size();
        int total = header + pngs.values().stream().mapToInt(b -> b.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buf.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
        int offset = header;
        for (var e : pngs.entrySet()) {
            int size = e.getKey();
            buf.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buf.put((byte) 0).put((byte) 0);                 // no palette, reserved
            buf.putShort((short) 1).putShort((short) 32);    // planes, bits per pixel
            buf.putInt(e.getValue().length).putInt(offset);
            offset += e.getValue().length;
        }
        pngs.values().forEach(buf::put);
        return buf.array();
    }

    /// 'icns' + total length, then (type, length including its 8-byte header, PNG) per entry; big-endian.
    static byte[] icns(Map<String, byte[]> pngs) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (var e : pngs.entrySet()) {
            out.writeBytes(e.getKey());
            out.writeInt(8 + e.getValue().length);
            out.write(e.getValue());
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream f = new DataOutputStream(file);
        f.writeBytes("icns");
        f.writeInt(8 + body.size());
        body.writeTo(f);
        return file.toByteArray();
    }
}
