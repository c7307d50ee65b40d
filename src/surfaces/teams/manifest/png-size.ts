// Teams wants a 192×192 color icon and a 32×32 outline icon; a PNG says its size in its IHDR chunk.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The width and height of a PNG, or null when `bytes` is not one. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The icons a Teams app package carries and their required sizes. */
export const TEAMS_ICONS = { 'color.png': { width: 192, height: 192 }, 'outline.png': { width: 32, height: 32 } } as const;
