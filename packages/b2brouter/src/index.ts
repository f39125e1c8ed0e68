// Nothing is built here yet: issue #8 builds this package (see README.md).
export {}
