import BerthModel

/// StackRox's built-in public registries (`central/imageintegration/store/defaults.go`), with
/// the same ids so clients and scripts that refer to them by id keep working.
enum DefaultIntegrations {
    static var all: [ImageIntegration] {
        [
            docker("10d3b4dc-8295-41bc-bb50-6da5484cdb1a", "Public DockerHub", "registry-1.docker.io"),
            docker("c6a1a26d-8947-4cb0-a50d-a018856f9390", "Public Kubernetes GCR (deprecated)", "k8s.gcr.io"),
            docker("f6ce8982-1a75-4430-96f3-9b22b4b66604", "Public Kubernetes Registry", "registry.k8s.io"),
            docker("05fea766-e2f8-44b3-9959-eaa61a4f7466", "Public GCR", "gcr.io"),
            docker("6d7fc3f3-03d0-4b61-bf9f-34982a77bd56", "Public GKE GCR", "gke.gcr.io", skipTest: true),
            quay("e50087f1-6840-4d15-aeca-21ba636f0878", "Public Quay.io", "quay.io"),
            docker("4b36a1c3-2d6f-452e-a70f-6c388a0ff947", "Public Microsoft Container Registry", "mcr.microsoft.com"),
            docker("5febb194-a21d-4109-9fad-6880dd632adc", "Public Amazon ECR", "public.ecr.aws"),
            docker("54107745-5717-49c1-9073-a2b72f7a3b49", "registry.access.redhat.com", "registry.access.redhat.com", type: "rhel"),
            docker("48a1b014-fa42-4e3f-b45d-518c3b129f2e", "Public GitHub Container Registry", "ghcr.io", type: "ghcr", skipTest: true),
        ]
    }

    private static func docker(_ id: String, _ name: String, _ endpoint: String, type: String = "docker", skipTest: Bool = false) -> ImageIntegration {
        var config = DockerConfig()
        config.endpoint = endpoint
        return integration(id, name, type, .docker(config), skipTest: skipTest)
    }

    private static func quay(_ id: String, _ name: String, _ endpoint: String) -> ImageIntegration {
        var config = QuayConfig()
        config.endpoint = endpoint
        return integration(id, name, "quay", .quay(config), skipTest: false)
    }

    private static func integration(_ id: String, _ name: String, _ type: String, _ config: IntegrationConfig, skipTest: Bool) -> ImageIntegration {
        var integration = ImageIntegration()
        integration.id = id
        integration.name = name
        integration.type = type
        integration.categories = [.registry]
        integration.config = config
        integration.skipTestIntegration = skipTest
        return integration
    }
}
