#!/usr/bin/env node
// Makes public/favicon.ico (16 and 32 px) and public/apple-touch-icon.png (180 px)
// from app/icon.svg with Debian's rsvg-convert (apt-get install librsvg2-bin).
// The ICO holds PNG images, which every current browser reads.
// Run after changing the icon: node scripts/make-icons.mjs
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const svg = new URL("../app/icon.svg", import.meta.url).pathname;
const out = (name) => new URL(`../public/${name}`, import.meta.url).pathname;
const png = (size) => execFileSync("rsvg-convert", ["-w", String(size), "-h", String(size), "-f", "png", svg], { maxBuffer: 1 << 24 });

// The apple touch icon is shown without transparency: draw it on the icon's own blue.
const apple = execFileSync("rsvg-convert", ["-w", "180", "-h", "180", "-b", "#1d4ed8", "-f", "png", svg], { maxBuffer: 1 << 24 });
writeFileSync(out("apple-touch-icon.png"), apple);

const images = [16, 32, 48].map((size) => ({ size, data: png(size) }));
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(images.length, 4);
let offset = 6 + 16 * images.length;
const entries = images.map(({ size, data }) => {
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(data.length, 8);
  entry.writeUInt32LE(offset, 12);
  offset += data.length;
  return entry;
});
writeFileSync(out("favicon.ico"), Buffer.concat([header, ...entries, ...images.map((i) => i.data)]));
console.log("wrote public/favicon.ico and public/apple-touch-icon.png");
