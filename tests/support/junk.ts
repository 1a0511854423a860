/** Inputs that are not reply letters, shared by the extractor's and the server's tests. */

/**
 * Bytes 0x80–0xFF from a fixed seed (an LCG's high bits; its low bits repeat too soon): what an
 * image or archive body looks like to the GB18030 decoder, which decodes it without an error.
 */
export function highByteBinary(length: number, seed = 7): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 0x80 + ((state >>> 16) & 0x7f);
  });
}
