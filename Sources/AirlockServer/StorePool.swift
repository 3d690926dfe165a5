import Store

/// A fixed set of store connections handed out one task at a time.
///
/// An `AirlockStore` is one connection, and a transaction on it must not interleave with
/// another task's statements, so every request borrows a store for the length of its work
/// and gives it back. SQLite gets one connection per process (it has one writer anyway);
/// PostgreSQL a few, and several replicas share the database, whose locks keep them one.
actor StorePool {
    private var idle: [AirlockStore]
    private var all: [AirlockStore]
    private var waiting: [CheckedContinuation<AirlockStore, Never>] = []

    init(_ stores: [AirlockStore]) {
        precondition(!stores.isEmpty, "a pool needs at least one store")
        self.idle = stores
        self.all = stores
    }

    /// Opens `size` connections to `location` (a directory for SQLite, or a PostgreSQL URL).
    static func open(location: String, size: Int) async throws -> StorePool {
        let isPostgres = location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
        var stores: [AirlockStore] = []
        for _ in 0..<(isPostgres ? max(1, size) : 1) {
            stores.append(try await AirlockStore.open(location: location))
        }
        return StorePool(stores)
    }

    private func checkout() async -> AirlockStore {
        if let store = idle.popLast() { return store }
        return await withCheckedContinuation { waiting.append($0) }
    }

    private func checkin(_ store: AirlockStore) {
        if waiting.isEmpty {
            idle.append(store)
        } else {
            waiting.removeFirst().resume(returning: store)
        }
    }

    /// Runs `body` with a store no other task uses meanwhile.
    nonisolated func withStore<T: Sendable>(_ body: (AirlockStore) async throws -> T) async throws -> T {
        let store = await checkout()
        do {
            let result = try await body(store)
            await checkin(store)
            return result
        } catch {
            await checkin(store)
            throw error
        }
    }

    func close() async {
        for store in all { await store.close() }
        idle = []
    }
}
