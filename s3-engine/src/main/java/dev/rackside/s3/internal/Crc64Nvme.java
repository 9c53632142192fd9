package dev.rackside.s3.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/// CRC-64/NVME, S3's `CRC64NVME`: the reflected polynomial 0x9A6C9329AC4BC9B5 with all-ones
/// initial value and final XOR. AWS gives every new object one when the uploader sent none, so it
/// is often the only checksum of a multipart object that another tool uploaded. The SDK computes
/// it only through AWS's CRT native library (23 MB for all platforms, for one CRC) and otherwise
/// skips checking it; this is the table-driven form, eight bytes at a time.
final class Crc64Nvme implements Checksum {
    private static final long POLY = 0x9A6C9329AC4BC9B5L;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    // TABLES[k][n]: the CRC register after byte n followed by k zero bytes.
    private static final long[][] TABLES = new long[8][256];

    static {
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            TABLES[0][n] = c;
        }
        for (int n = 0; n < 256; n++) {
            long c = TABLES[0][n];
            for (int k = 1; k < 8; k++) {
                c = TABLES[0][(int) c & 0xff] ^ (c >>> 8);
                TABLES[k][n] = c;
            }
        }
    }

    private long register = -1L;

    @Override
    public void update(int b) {
        register = TABLES[0][(int) (register ^ b) & 0xff] ^ (register >>> 8);
    }

    @Override
    public void update(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        long[] t0 = TABLES[0];
        long c = register;
        int end = off + len;
        for (; off + 8 <= end; off += 8) {
            long x = c ^ (long) LONG_LE.get(b, off);
            c = TABLES[7][(int) x & 0xff] ^ TABLES[6][(int) (x >>> 8) & 0xff]
                    ^ TABLES[5][(int) (x >>> 16) & 0xff] ^ TABLES[4][(int) (x >>> 24) & 0xff]
                    ^ TABLES[3][(int) (x >>> 32) & 0xff] ^ TABLES[2][(int) (x >>> 40) & 0xff]
                    ^ TABLES[1][(int) (x >>> 48) & 0xff] ^ t0[(int) (x >>> 56)];
        }
        for (; off < end; off++) {
            c = t0[(int) (c ^ b[off]) & 0xff] ^ (c >>> 8);
        }
        register = c;
    }

    @Override
    public long getValue() {
        return ~register;
    }

    @Override
    public void reset() {
        register = -1L;
    }
}
