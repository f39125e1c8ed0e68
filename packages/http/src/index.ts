// Nothing is built here yet: issue #2 builds this package (see README.md).
export {}
