import BerthHTTP
import BerthModel

/// OpenAPI schemas of the ImageService messages (seed 002).
enum RoxImageSchemas {
    static var all: [String: JSONValue] {
        let s = Schema.string, b = Schema.boolean, i = Schema.integer, n = Schema.number
        let time = Schema.nullable(Schema.dateTime)
        return [
            "StorageImageName": Schema.object(["registry": s, "remote": s, "tag": s, "fullName": s]),
            "StorageImageLayer": Schema.object(["instruction": s, "value": s, "created": time, "author": s, "empty": b]),
            "StorageV1Metadata": Schema.object([
                "digest": s, "created": time, "author": s, "layers": Schema.array(Schema.ref("StorageImageLayer")), "user": s,
                "command": Schema.array(s), "entrypoint": Schema.array(s), "volumes": Schema.array(s), "labels": Schema.map(s),
            ]),
            "StorageV2Metadata": Schema.object(["digest": s]),
            "StorageDataSource": Schema.object(["id": s, "name": s, "mirror": s]),
            "StorageImageMetadata": Schema.object([
                "v1": Schema.nullable(Schema.ref("StorageV1Metadata")), "v2": Schema.nullable(Schema.ref("StorageV2Metadata")),
                "layerShas": Schema.array(s), "dataSource": Schema.nullable(Schema.ref("StorageDataSource")), "version": s,
            ]),
            "StorageImage": Schema.object([
                "id": s, "name": Schema.nullable(Schema.ref("StorageImageName")), "names": Schema.array(Schema.ref("StorageImageName")),
                "metadata": Schema.nullable(Schema.ref("StorageImageMetadata")),
                "scan": Schema.nullable(Schema.ref("StorageImageScan")), "signatureVerificationData": Schema.nullable(Schema.anyObject),
                "signature": Schema.nullable(Schema.anyObject),
                "components": i, "cves": i, "fixableCves": i, "lastUpdated": time, "notPullable": b, "isClusterLocal": b,
                "priority": s, "riskScore": n, "topCvss": n,
                "notes": Schema.array(Schema.enumeration(["MISSING_METADATA", "MISSING_SCAN_DATA", "MISSING_SIGNATURE", "MISSING_SIGNATURE_VERIFICATION_DATA"])),
            ], required: ["id", "names", "notes"]),
            "StorageImageScan": Schema.object([
                "scannerVersion": s, "scanTime": time, "components": Schema.array(Schema.ref("StorageEmbeddedImageScanComponent")),
                "operatingSystem": s, "dataSource": Schema.nullable(Schema.ref("StorageDataSource")),
                "notes": Schema.array(Schema.enumeration([
                    "UNSET", "OS_UNAVAILABLE", "PARTIAL_SCAN_DATA", "OS_CVES_UNAVAILABLE", "OS_CVES_STALE",
                    "LANGUAGE_CVES_UNAVAILABLE", "CERTIFIED_RHEL_SCAN_UNAVAILABLE",
                ])),
                "hash": s, "berthProblems": Schema.array(s),
            ]),
            "StorageLicense": Schema.object(["name": s, "type": s, "url": s]),
            "StorageEmbeddedImageScanComponent": Schema.object([
                "name": s, "version": s, "license": Schema.nullable(Schema.ref("StorageLicense")),
                "vulns": Schema.array(Schema.ref("StorageEmbeddedVulnerability")), "layerIndex": i, "priority": s,
                "source": Schema.enumeration(["OS", "PYTHON", "JAVA", "RUBY", "NODEJS", "GO", "DOTNETCORERUNTIME", "INFRASTRUCTURE"]),
                "location": s, "topCvss": n, "riskScore": n, "fixedBy": s,
                "executables": Schema.array(Schema.object(["path": s, "dependencies": Schema.array(s)])),
            ]),
            "StorageEmbeddedVulnerability": Schema.object([
                "cve": s, "cvss": n, "summary": s, "link": s, "fixedBy": s, "scoreVersion": Schema.enumeration(["V2", "V3"]),
                "cvssV2": Schema.nullable(Schema.ref("StorageCVSSV2")), "cvssV3": Schema.nullable(Schema.ref("StorageCVSSV3")),
                "publishedOn": time, "lastModified": time, "vulnerabilityType": s, "vulnerabilityTypes": Schema.array(s),
                "suppressed": b, "suppressActivation": time, "suppressExpiry": time, "firstSystemOccurrence": time,
                "firstImageOccurrence": time,
                "severity": Schema.enumeration([
                    "UNKNOWN_VULNERABILITY_SEVERITY", "LOW_VULNERABILITY_SEVERITY", "MODERATE_VULNERABILITY_SEVERITY",
                    "IMPORTANT_VULNERABILITY_SEVERITY", "CRITICAL_VULNERABILITY_SEVERITY",
                ]),
                "state": Schema.enumeration(["OBSERVED", "DEFERRED", "FALSE_POSITIVE"]),
            ]),
            "StorageCVSSV2": Schema.object([
                "vector": s, "attackVector": s, "accessComplexity": s, "authentication": s, "confidentiality": s, "integrity": s,
                "availability": s, "exploitabilityScore": n, "impactScore": n, "score": n,
                "severity": Schema.enumeration(["UNKNOWN", "LOW", "MEDIUM", "HIGH"]),
            ]),
            "StorageCVSSV3": Schema.object([
                "vector": s, "exploitabilityScore": n, "impactScore": n, "attackVector": s, "attackComplexity": s,
                "privilegesRequired": s, "userInteraction": s, "scope": s, "confidentiality": s, "integrity": s, "availability": s,
                "score": n, "severity": Schema.enumeration(["UNKNOWN", "NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"]),
            ]),
            "StorageListImage": Schema.object([
                "id": s, "name": s, "components": i, "cves": i, "fixableCves": i, "created": time, "lastUpdated": time, "priority": s,
            ], required: ["id", "name"]),
            "V1ListImagesResponse": Schema.object(["images": Schema.array(Schema.ref("StorageListImage"))], required: ["images"]),
            "V1CountImagesResponse": Schema.object(["count": i], required: ["count"]),
            "V1ScanImageRequest": Schema.object(["imageName": s, "force": b, "includeSnoozed": b, "cluster": s]),
            "V1DeleteImagesResponse": Schema.object(["numDeleted": i, "dryRun": b], required: ["numDeleted", "dryRun"]),
            "V1WatchImageRequest": Schema.object(["name": s]),
            "V1WatchImageResponse": Schema.object([
                "normalizedName": s,
                "errorType": Schema.enumeration(["NO_ERROR", "INVALID_IMAGE_NAME", "NO_VALID_INTEGRATION", "SCAN_FAILED"]),
                "errorMessage": s,
            ], required: ["normalizedName", "errorType", "errorMessage"]),
            "StorageWatchedImage": Schema.object(["name": s]),
            "V1GetWatchedImagesResponse": Schema.object(["watchedImages": Schema.array(Schema.ref("StorageWatchedImage"))], required: ["watchedImages"]),
        ]
    }

    static var queryParameters: [APIParameter] {
        [
            APIParameter("query", in: .query, description: "StackRox search query, e.g. Image Registry:quay.io+Image Tag:\"1.0\""),
            APIParameter("pagination.limit", in: .query, schema: Schema.integer),
            APIParameter("pagination.offset", in: .query, schema: Schema.integer),
            APIParameter("pagination.sortOption.field", in: .query),
            APIParameter("pagination.sortOption.reversed", in: .query, schema: Schema.boolean),
        ]
    }
}
