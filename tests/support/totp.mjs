import { createHmac } from "node:crypto";

// What an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).
export function totp(base32Key, at = Date.now(), offsetSteps = 0) {
  const key = base32Decode(base32Key);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30) + offsetSteps));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, "0");
}

// The key's bytes from the base32 an authenticator app is given.
export function base32Decode(base32Key) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of base32Key.replace(/\s/g, "")) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  return Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
}
