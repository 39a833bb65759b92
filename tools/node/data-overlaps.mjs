// Checks that no two data symbols of a linked wasm share bytes. The split web
// build needs this: dx's splitter blanks, in the main wasm, the data it finds
// used only by the workspace, so bytes shared with data the main file uses
// would be blanked with it (the phone would show texts missing). build.rs
// links the split build without string merging for that reason; this check
// says so if anything (a linker or compiler change) brings overlaps back.
// Reads the `linking` section, which dx's `--emit-relocs` keeps.
// Exits 1 with the overlapping symbols listed, 2 when the file cannot be read.
//   node tools/node/data-overlaps.mjs LINKED.wasm
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tools/node/data-overlaps.mjs LINKED.wasm');
  process.exit(2);
}
let bytes;
try {
  bytes = readFileSync(file);
} catch (e) {
  console.error(`data-overlaps: cannot read ${file}: ${e.message}`);
  process.exit(2);
}

// A reader of unsigned LEB128 numbers and names over a byte range.
const reader = (start, end) => {
  let at = start;
  const r = {
    get at() { return at; },
    more: () => at < end,
    byte: () => {
      if (at >= end) throw new Error(`the section ends early at byte ${at}`);
      const b = bytes[at];
      at += 1;
      return b;
    },
    uleb: () => {
      let value = 0;
      let scale = 1;
      for (;;) {
        const b = r.byte();
        value += (b & 0x7f) * scale;
        scale *= 128;
        if (!(b & 0x80)) return value;
      }
    },
    name: () => {
      const length = r.uleb();
      if (at + length > end) throw new Error(`a name runs past the section at byte ${at}`);
      const text = bytes.subarray(at, at + length).toString('utf8');
      at += length;
      return text;
    },
    skip: (n) => { at += n; },
  };
  return r;
};

// The data symbols (name, segment, offset, size) of the linking section.
const dataSymbols = () => {
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) {
    throw new Error('not a wasm file');
  }
  const file = reader(8, bytes.length);
  while (file.more()) {
    const id = file.byte();
    const size = file.uleb();
    const start = file.at;
    const end = start + size;
    if (id === 0) {
      const section = reader(start, end);
      if (section.name() === 'linking') {
        section.uleb(); // version
        while (section.more()) {
          const kind = section.byte();
          const length = section.uleb();
          const next = section.at + length;
          if (kind === 8) return symbolTable(reader(section.at, next));
          section.skip(length);
        }
      }
    }
    file.skip(size);
  }
  throw new Error('no symbol table: was it linked with --emit-relocs (dx bundle --wasm-split)?');
};

const UNDEFINED = 0x10;
const EXPLICIT_NAME = 0x40;
const symbolTable = (table) => {
  const count = table.uleb();
  const symbols = [];
  for (let i = 0; i < count; i += 1) {
    const kind = table.byte();
    const flags = table.uleb();
    if (kind === 0 || kind === 2 || kind === 4 || kind === 5) {
      // function, global, tag, table: an index, and a name unless imported
      table.uleb();
      if (!(flags & UNDEFINED) || (flags & EXPLICIT_NAME)) table.name();
    } else if (kind === 1) {
      const name = table.name();
      if (!(flags & UNDEFINED)) {
        const segment = table.uleb();
        const offset = table.uleb();
        const size = table.uleb();
        if (size > 0) symbols.push({ name, segment, offset, size });
      }
    } else if (kind === 3) {
      table.uleb(); // section
    } else {
      throw new Error(`unknown symbol kind ${kind}`);
    }
  }
  return symbols;
};

let symbols;
try {
  symbols = dataSymbols();
} catch (e) {
  console.error(`data-overlaps: ${file}: ${e.message}`);
  process.exit(2);
}
symbols.sort((a, b) => a.segment - b.segment || a.offset - b.offset);
const overlaps = [];
let reach = null; // the symbol reaching furthest so far in the segment
for (const symbol of symbols) {
  if (reach && reach.segment === symbol.segment && symbol.offset < reach.offset + reach.size) {
    overlaps.push([reach, symbol]);
  }
  if (!reach || reach.segment !== symbol.segment || symbol.offset + symbol.size > reach.offset + reach.size) {
    reach = symbol;
  }
}
if (overlaps.length > 0) {
  console.error(`data-overlaps: ${overlaps.length} data symbol(s) of ${file} share bytes with another:`);
  for (const [a, b] of overlaps.slice(0, 20)) {
    console.error(`  ${b.name} (segment ${b.segment}, ${b.offset}+${b.size}) inside ${a.name} (${a.offset}+${a.size})`);
  }
  process.exit(1);
}
console.log(`data-overlaps: ${symbols.length} data symbols, none sharing bytes`);
