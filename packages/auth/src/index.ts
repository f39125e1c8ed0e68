// Nothing is built here yet: issue #3 builds this package (see README.md).
export {}
