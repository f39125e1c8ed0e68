// Nothing is built here yet: issue #6 builds this package (see README.md).
export {}
