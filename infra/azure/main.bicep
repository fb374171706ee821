// Async Etiquette on Azure: Azure Bot (Teams channel) + Container Apps + PostgreSQL Flexible Server.
// az deployment group create -g RG -f infra/azure/main.bicep -p botAppId=... botAppPassword=... \
//   postgresPassword=... image=ghcr.io/your-org/async-etiquette:0.1.0
// Not validated in CI: the Bicep compiler is not installable from this project's registries.

@description('Name prefix for every resource')
param name string = 'etiquette'
param location string = resourceGroup().location
@description('Container image of the bot (infra/Dockerfile)')
param image string
@description('Entra ID app registration of the bot (MICROSOFT_APP_ID)')
param botAppId string
@secure()
param botAppPassword string
@description('SingleTenant or MultiTenant')
param botAppType string = 'SingleTenant'
param botTenantId string = subscription().tenantId
param postgresAdmin string = 'etiquette'
@secure()
param postgresPassword string
@minValue(1)
param replicas int = 2

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {
  name: '${name}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-06-01-preview' = {
  parent: postgres
  name: 'etiquette'
}

resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-06-01-preview' = {
  parent: postgres
  name: 'allow-azure-services'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource environment 'Microsoft.App/managedEnvironments@2023-05-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: { customerId: logs.properties.customerId, sharedKey: logs.listKeys().primarySharedKey }
    }
  }
}

resource app 'Microsoft.App/containerApps@2023-05-01' = {
  name: '${name}-bot'
  location: location
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: { external: true, targetPort: 3978, transport: 'auto' }
      secrets: [
        { name: 'database-url', value: 'postgresql://${postgresAdmin}:${postgresPassword}@${postgres.properties.fullyQualifiedDomainName}:5432/etiquette?ssl=require' }
        { name: 'bot-password', value: botAppPassword }
      ]
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: [
            { name: 'DATABASE_URL', secretRef: 'database-url' }
            { name: 'MICROSOFT_APP_ID', value: botAppId }
            { name: 'MICROSOFT_APP_PASSWORD', secretRef: 'bot-password' }
            { name: 'MICROSOFT_APP_TYPE', value: botAppType }
            { name: 'MICROSOFT_APP_TENANT_ID', value: botTenantId }
          ]
          probes: [
            { type: 'Readiness', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 10 }
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, initialDelaySeconds: 20, periodSeconds: 30 }
          ]
        }
      ]
      scale: { minReplicas: replicas, maxReplicas: replicas * 3 }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-service'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'Async Etiquette'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppId: botAppId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botTenantId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel', properties: { isEnabled: true } }
}

output messagingEndpoint string = bot.properties.endpoint
output botHost string = app.properties.configuration.ingress.fqdn
