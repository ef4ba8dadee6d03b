/** "Ada Lovelace" → "AL", "ada" → "AD", "" → "?". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0].slice(0, 2).toUpperCase();
  return (words[0][0] + words[words.length - 1][0]).toUpperCase();
}

// A small, fixed palette keeps avatars and label chips calm and readable; the
// hash makes one person or label keep its colour everywhere.
const HUES = [212, 262, 330, 18, 38, 152, 188, 290];

export function hueFor(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return HUES[Math.abs(hash) % HUES.length];
}
