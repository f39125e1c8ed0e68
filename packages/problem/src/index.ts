// Nothing is built here yet: issue #5 builds this package (see README.md).
export {}
