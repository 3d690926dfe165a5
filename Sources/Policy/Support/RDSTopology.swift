import HCL
import Terraform

/// Where an RDS database instance stands, for checks that only concern stand-alone primaries.
///
/// A read replica takes its encryption, and has no backups or final snapshot of its own to
/// keep; an `aws_db_instance` with an Aurora engine is a member of a cluster, whose
/// storage, backups and snapshots belong to the `aws_rds_cluster`.
enum RDSTopology {
    /// Whether `db` is created as a read replica (`replicate_source_db` set, even to a value
    /// only apply knows).
    static func isReadReplica(_ db: ResourceInstance) -> Bool {
        db.argument("replicate_source_db") != .unset
    }

    /// Whether `db` is an instance of an Aurora cluster.
    static func isClusterMember(_ db: ResourceInstance) -> Bool {
        db.type == "aws_rds_cluster_instance" || db.argument("engine").string?.lowercased().hasPrefix("aurora") == true
    }

    /// Whether `db` is a stand-alone primary: neither a replica nor a cluster member.
    static func isStandalonePrimary(_ db: ResourceInstance) -> Bool {
        !isReadReplica(db) && !isClusterMember(db)
    }

    /// Whether the database is restored from a snapshot or copies another cluster, so that
    /// settings such as encryption come from there when the configuration leaves them out.
    static func restoresFromElsewhere(_ db: ResourceInstance) -> Bool {
        ["snapshot_identifier", "replication_source_identifier", "global_cluster_identifier", "restore_to_point_in_time"]
            .contains { name in
                switch db.argument(name) {
                case .unset: return false
                // Computed when unset: only an argument the block writes counts. A plan
                // cannot tell the two apart, and is read as not restoring.
                case .unknown: return db.configurationWrites(name) == true
                case .known(let v): return (v.count ?? 1) > 0
                }
            }
    }
}
