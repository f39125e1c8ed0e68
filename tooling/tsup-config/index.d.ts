import type { Options } from 'tsup'

/** The tsup options every b2bkit package builds with, with `overrides` spread over them. */
export declare function libraryConfig(overrides?: Options): Options
