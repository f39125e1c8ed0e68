// Nothing is built here yet: issue #4 builds this package (see README.md).
export {}
