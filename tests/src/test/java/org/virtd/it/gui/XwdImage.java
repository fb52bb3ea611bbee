package org.virtd.it.gui;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A screenshot in X's XWD format ({@code xwd -root}), 24/32 bits per pixel, as RGB values. */
record XwdImage(int width, int height, int[] rgb) {

    static XwdImage read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int headerSize = b.getInt(0);
        int width = b.getInt(16);
        int height = b.getInt(20);
        boolean msbFirst = b.getInt(28) == 1;
        int bitsPerPixel = b.getInt(44);
        int bytesPerLine = b.getInt(48);
        int colors = b.getInt(76);
        if (bitsPerPixel != 32) {
            throw new IOException("xwd with " + bitsPerPixel + " bits per pixel");
        }
        int base = headerSize + colors * 12;
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = base + y * bytesPerLine + x * 4;
                int v = msbFirst
                        ? (b.get(p + 1) & 0xff) << 16 | (b.get(p + 2) & 0xff) << 8 | (b.get(p + 3) & 0xff)
                        : (b.get(p + 2) & 0xff) << 16 | (b.get(p + 1) & 0xff) << 8 | (b.get(p) & 0xff);
                rgb[y * width + x] = v;
            }
        }
        return new XwdImage(width, height, rgb);
    }

    /** How many pixels at or below row {@code top} have exactly this colour. */
    int count(int color, int top) {
        int n = 0;
        for (int i = top * width; i < rgb.length; i++) {
            if (rgb[i] == color) {
                n++;
            }
        }
        return n;
    }
}
