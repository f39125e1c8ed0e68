import { libraryConfig } from '@b2bkit/tsup-config'
import { defineConfig } from 'tsup'

export default defineConfig(libraryConfig())
