/** @module store: immutable, versioned skill records on keyv backends (SQLite, PostgreSQL, Redis). */
export {};
