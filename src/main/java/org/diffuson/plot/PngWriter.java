package org.diffuson.plot;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder for chart rasters (PNG specification, ISO/IEC 15948): 8-bit RGB, or RGBA when the image has
 * alpha, every row with the "Up" filter (a chart's rows mostly repeat the row above, which then deflates to almost
 * nothing) and fast deflate. Several times faster than ImageIO's adaptive filtering for a few per cent more bytes.
 */
public final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private PngWriter() {
    }

    /** PNG bytes of {@code img}. */
    public static byte[] encode(BufferedImage img) {
        return encode(img, 2);
    }

    /** PNG bytes of {@code img} with deflate {@code level} (1 fastest … 9 smallest). */
    public static byte[] encode(BufferedImage img, int level) {
        return encode(img, level, 0);
    }

    /**
     * PNG bytes of {@code img} with deflate {@code level} (1 fastest … 9 smallest) and, when {@code dpi > 0}, a
     * {@code pHYs} chunk declaring that resolution.
     */
    public static byte[] encode(BufferedImage img, int level, double dpi) {
        int w = img.getWidth(), h = img.getHeight();
        boolean alpha = img.getColorModel().hasAlpha();
        int bpp = alpha ? 4 : 3;
        int[] pixels = null;
        if ((img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)
                && img.getRaster().getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1
                && db.getOffset() == 0
                && img.getRaster().getSampleModel() instanceof java.awt.image.SinglePixelPackedSampleModel sm
                && sm.getScanlineStride() == w
                && img.getRaster().getSampleModelTranslateX() == 0 && img.getRaster().getSampleModelTranslateY() == 0) {
            pixels = db.getData();   // rows are contiguous: row y starts at y·w
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, w * h / 8));
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8;
        ihdr[9] = (byte) (alpha ? 6 : 2);
        chunk(out, "IHDR", ihdr, ihdr.length);
        if (dpi > 0) {
            byte[] phys = new byte[9];
            int perMetre = (int) Math.round(dpi / 0.0254);
            putInt(phys, 0, perMetre);
            putInt(phys, 4, perMetre);
            phys[8] = 1;
            chunk(out, "pHYs", phys, phys.length);
        }

        Deflater deflater = new Deflater(level);
        byte[] prev = new byte[w * bpp];
        byte[] cur = new byte[w * bpp];
        byte[] line = new byte[w * bpp + 1];
        byte[] buf = new byte[64 << 10];
        ByteArrayOutputStream idat = new ByteArrayOutputStream(Math.max(1024, w * h / 10));
        int[] row = pixels == null ? new int[w] : null;
        try {
            for (int y = 0; y < h; y++) {
                int base;
                int[] src;
                if (pixels != null) {
                    src = pixels;
                    base = y * w;
                } else {
                    img.getRGB(0, y, w, 1, row, 0, w);
                    src = row;
                    base = 0;
                }
                for (int x = 0, j = 0; x < w; x++) {
                    int p = src[base + x];
                    cur[j++] = (byte) (p >> 16);
                    cur[j++] = (byte) (p >> 8);
                    cur[j++] = (byte) p;
                    if (alpha) cur[j++] = (byte) (p >>> 24);
                }
                line[0] = 2; // Up
                for (int k = 0; k < cur.length; k++) line[k + 1] = (byte) (cur[k] - prev[k]);
                byte[] t = prev;
                prev = cur;
                cur = t;
                deflater.setInput(line);
                while (!deflater.needsInput()) {
                    int n = deflater.deflate(buf, 0, buf.length, Deflater.NO_FLUSH);
                    idat.write(buf, 0, n);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                idat.write(buf, 0, n);
            }
        } finally {
            deflater.end();
        }
        byte[] data = idat.toByteArray();
        chunk(out, "IDAT", data, data.length);
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int len) {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.write(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.write(c, 0, 4);
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
