// Nothing is built here yet: issue #10 builds this package (see README.md).
export {}
