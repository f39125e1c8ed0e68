export { startBolEmulator } from './bol/bol-emulator.js'
