// Nothing is built here yet: issue #7 builds this package (see README.md).
export {}
