// The Redis Cluster key slot of a key, as the cluster specification defines it: CRC16 (XMODEM) of the hash tag
// when the key has a non-empty one, else of the whole key, modulo 16384. No cluster runs here, so tests check the
// key layout with this. https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#key-distribution-model

function crc16(bytes: Uint8Array): number {
  let crc = 0
  for (const byte of bytes) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}

export function clusterSlot(key: string): number {
  let hashed = key
  const open = key.indexOf('{')
  if (open !== -1) {
    const close = key.indexOf('}', open + 1)
    if (close > open + 1) hashed = key.slice(open + 1, close)
  }
  return crc16(new TextEncoder().encode(hashed)) % 16384
}
