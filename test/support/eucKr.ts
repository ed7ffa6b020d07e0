// EUC-KR (CP949) bytes for the few Hangul syllables the encoding tests use: Node has no EUC-KR encoder, and a real
// file saved by an old Korean editor looks exactly like this (pairs of bytes >= 0xA1, invalid as UTF-8).
const SYLLABLES: Record<string, [number, number]> = {
  그: [0xb1, 0xd7],
  기: [0xb1, 0xe2],
  난: [0xb3, 0xad],
  도: [0xb5, 0xb5],
  래: [0xb7, 0xa1],
  름: [0xb8, 0xa7],
  문: [0xb9, 0xae],
  번: [0xb9, 0xf8],
  소: [0xbc, 0xd2],
  수: [0xbc, 0xf6],
  순: [0xbc, 0xf8],
  스: [0xbd, 0xba],
  열: [0xbf, 0xad],
  이: [0xc0, 0xcc],
  제: [0xc1, 0xa6],
  찾: [0xc3, 0xa3],
  천: [0xc3, 0xb5],
  추: [0xc3, 0xdf],
  탐: [0xc5, 0xbd],
  택: [0xc5, 0xc3],
  프: [0xc7, 0xc1],
  학: [0xc7, 0xd0],
  호: [0xc8, 0xa3],
  색: [0xbb, 0xf6],
};

/** `text` as EUC-KR bytes: ASCII as is, each Hangul syllable from the table (a missing one throws). */
export function eucKr(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else if (SYLLABLES[ch]) bytes.push(...SYLLABLES[ch]);
    else throw new Error(`no EUC-KR bytes for ${ch} in the test table`);
  }
  return Buffer.from(bytes);
}
