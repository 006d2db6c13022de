{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "chat.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Resource name prefix: <release>-<chart>, or <release> when it already contains the chart name. */}}
{{- define "chat.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The components. key: the values section; name: the Kubernetes name suffix and the
app.kubernetes.io/component label. The notification-service only with notificationService.enabled.
*/}}
{{- define "chat.components" -}}
gateway: gateway
messageService: message-service
presenceService: presence-service
{{- if .Values.notificationService.enabled }}
notificationService: notification-service
{{- end }}
{{- end }}

{{/* "true" when the component reads MongoDB. */}}
{{- define "chat.usesMongo" -}}
{{- if has . (list "messageService" "notificationService") }}true{{ end }}
{{- end }}

{{/*
The push credentials given as plain values, by their key in the Secret, for the enabled platforms
(they go into the chart's Secret unless an existing Secret holds them).
*/}}
{{- define "chat.pushPlainValues" -}}
{{- $p := .Values.notificationService.push }}
{{- $k := $p.secretKeys }}
{{- $values := dict }}
{{- if $p.webpush.enabled }}
{{- $_ := set $values $k.webpushPublicKey $p.webpush.publicKey }}
{{- $_ := set $values $k.webpushPrivateKey $p.webpush.privateKey }}
{{- end }}
{{- if $p.apns.enabled }}
{{- $_ := set $values $k.apnsSigningKey $p.apns.signingKey }}
{{- $_ := set $values $k.apnsKeyId $p.apns.keyId }}
{{- $_ := set $values $k.apnsTeamId $p.apns.teamId }}
{{- $_ := set $values $k.apnsTopic $p.apns.topic }}
{{- end }}
{{- if $p.fcm.enabled }}
{{- $_ := set $values $k.fcmServiceAccount $p.fcm.serviceAccountJson }}
{{- end }}
{{- toJson $values }}
{{- end }}

{{/* The Secret the push credentials come from ("" when notificationService or every platform is off). */}}
{{- define "chat.pushSecret" -}}
{{- $n := .Values.notificationService }}
{{- $p := $n.push }}
{{- if and $n.enabled (or $p.webpush.enabled $p.apns.enabled $p.fcm.enabled) }}
{{- $plain := include "chat.pushPlainValues" . | fromJson }}
{{- include "chat.credentialSecret" (dict "root" . "value" (values $plain | compact | len) "own" $p.existingSecret) }}
{{- end }}
{{- end }}

{{/* "true" when the gateways serve the VAPID public key to the web page. */}}
{{- define "chat.webPush" -}}
{{- if and .Values.notificationService.enabled .Values.notificationService.push.webpush.enabled }}true{{ end }}
{{- end }}

{{/* Name of one component's resources; call with (dict "root" $ "name" "gateway"). */}}
{{- define "chat.componentName" -}}
{{- printf "%s-%s" (include "chat.fullname" .root | trunc 45 | trimSuffix "-") .name }}
{{- end }}

{{- define "chat.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "chat.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: chat
{{- end }}

{{- define "chat.selectorLabels" -}}
app.kubernetes.io/name: {{ include "chat.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one component; call with (dict "root" $ "name" "gateway"). */}}
{{- define "chat.componentLabels" -}}
{{ include "chat.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "chat.componentSelectorLabels" -}}
{{ include "chat.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "chat.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "chat.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image of one component, by digest when the component has one, else by tag; call with
(dict "root" $ "component" .Values.gateway).
*/}}
{{- define "chat.image" -}}
{{- $img := .root.Values.image }}
{{- $repo := .component.image.repository }}
{{- if $img.registry }}{{ $repo = printf "%s/%s" (trimSuffix "/" $img.registry) $repo }}{{ end }}
{{- if .component.image.digest }}
{{- printf "%s@%s" $repo .component.image.digest }}
{{- else }}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) }}
{{- end }}
{{- end }}

{{/* Whole cores of a CPU quantity ("250m" -> 1, "1" -> 1, "1500m" -> 2, "2.5" -> 3), at least 1. */}}
{{- define "chat.cores" -}}
{{- $q := toString . }}
{{- $cores := 0.0 }}
{{- if hasSuffix "m" $q }}{{ $cores = divf (trimSuffix "m" $q | float64) 1000 }}{{ else }}{{ $cores = float64 $q }}{{ end }}
{{- max 1 (ceil $cores | int) }}
{{- end }}

{{/*
JVM flags of one component: heap, direct memory, metaspace and code cache bounded by the jvm.*
budgets (their sum with nativeReserveMiB fits the memory limit, checked in chat.validate), and
thread pools sized to the CPU request instead of the node's cores. Call with the component's values.
*/}}
{{- define "chat.javaToolOptions" -}}
{{- $j := .jvm }}
{{- $flags := list
  (printf "-Xms%dm" (int $j.heapMiB)) (printf "-Xmx%dm" (int $j.heapMiB))
  (printf "-XX:MaxDirectMemorySize=%dm" (int $j.directMemoryMiB))
  (printf "-XX:MaxMetaspaceSize=%dm" (int $j.metaspaceMiB))
  (printf "-XX:ReservedCodeCacheSize=%dm" (int $j.codeCacheMiB))
  (printf "-XX:ActiveProcessorCount=%s" (include "chat.cores" .resources.cpu))
  "-XX:+ExitOnOutOfMemoryError" }}
{{- with $j.extraOptions }}{{ $flags = append $flags . }}{{ end }}
{{- join " " $flags }}
{{- end }}

{{/* "true" when the gateways accept long-polling (sessions then need sticky routing). */}}
{{- define "chat.polling" -}}
{{- if has "polling" .Values.gateway.transports }}true{{ end }}
{{- end }}

{{/*
The environment of one component's ConfigMap (the Deployment's checksum hashes exactly this, so a
change to one component's settings rolls only that component). Call with (dict "root" $ "key" "gateway").
*/}}
{{- define "chat.configData" -}}
{{- $ := .root }}
{{- $key := .key }}
{{- $c := index $.Values $key }}
{{- $k := $.Values.kafka }}
{{- $r := $.Values.redis }}
MANAGEMENT_SERVER_PORT: {{ $.Values.managementPort | quote }}
SPRING_KAFKA_BOOTSTRAP_SERVERS: {{ $k.bootstrapServers | quote }}
SPRING_KAFKA_SECURITY_PROTOCOL: {{ include "chat.kafkaProtocol" $ | quote }}
{{- with $k.sasl.mechanism }}
SPRING_KAFKA_PROPERTIES_SASL_MECHANISM: {{ . | quote }}
{{- end }}
{{- if and $k.tls.enabled $k.tls.caSecret }}
SPRING_SSL_BUNDLE_PEM_KAFKA_TRUSTSTORE_CERTIFICATE: {{ printf "file:/etc/chat/tls/kafka/%s" $k.tls.caSecretKey | quote }}
SPRING_KAFKA_SSL_BUNDLE: "kafka"
{{- end }}
SPRING_DATA_REDIS_HOST: {{ $r.host | quote }}
SPRING_DATA_REDIS_PORT: {{ $r.port | quote }}
{{- with $r.username }}
SPRING_DATA_REDIS_USERNAME: {{ . | quote }}
{{- end }}
SPRING_DATA_REDIS_SSL_ENABLED: {{ $r.tls.enabled | quote }}
{{- if and $r.tls.enabled $r.tls.caSecret }}
SPRING_SSL_BUNDLE_PEM_REDIS_TRUSTSTORE_CERTIFICATE: {{ printf "file:/etc/chat/tls/redis/%s" $r.tls.caSecretKey | quote }}
SPRING_DATA_REDIS_SSL_BUNDLE: "redis"
{{- end }}
{{- if eq $key "messageService" }}
# chat.messages is created with these when missing
CHAT_MESSAGES_PARTITIONS: {{ $k.topicPartitions | quote }}
CHAT_MESSAGES_REPLICATIONFACTOR: {{ $k.topicReplicationFactor | quote }}
{{- end }}
{{- if eq $key "notificationService" }}
{{- $p := $c.push }}
# chat.push.settings and chat.push.jobs are created with these when missing
CHAT_PUSH_PARTITIONS: {{ $k.topicPartitions | quote }}
CHAT_PUSH_REPLICAS: {{ $k.topicReplicationFactor | quote }}
{{- if $p.webpush.enabled }}
CHAT_PUSH_WEBPUSH_SUBJECT: {{ $p.webpush.subject | quote }}
{{- end }}
{{- if $p.apns.enabled }}
CHAT_PUSH_APNS_SIGNINGKEYFILE: {{ printf "/etc/chat/push/%s" $p.secretKeys.apnsSigningKey | quote }}
CHAT_PUSH_APNS_HOST: {{ $p.apns.host | quote }}
{{- end }}
{{- if $p.fcm.enabled }}
CHAT_PUSH_FCM_SERVICEACCOUNTFILE: {{ printf "/etc/chat/push/%s" $p.secretKeys.fcmServiceAccount | quote }}
{{- end }}
{{- end }}
{{- if include "chat.usesMongo" $key }}
{{- with $.Values.mongodb.database }}
SPRING_MONGODB_DATABASE: {{ . | quote }}
{{- end }}
{{- if $.Values.mongodb.tls.caSecret }}
SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE: {{ printf "file:/etc/chat/tls/mongodb/%s" $.Values.mongodb.tls.caSecretKey | quote }}
SPRING_MONGODB_SSL_ENABLED: "true"
SPRING_MONGODB_SSL_BUNDLE: "mongodb"
{{- end }}
{{- end }}
{{- if eq $key "presenceService" }}
# chat.presence is created with these when missing
CHAT_PRESENCE_PARTITIONS: {{ $k.topicPartitions | quote }}
CHAT_PRESENCE_REPLICATIONFACTOR: {{ $k.topicReplicationFactor | quote }}
{{- end }}
{{- if eq $key "gateway" }}
SERVER_PORT: {{ $c.port | quote }}
CHAT_DEV_ENABLED: {{ $.Values.devMode | quote }}
CHAT_ENGINE_TRANSPORTS: {{ join "," $c.transports | quote }}
# 0 (off) by default: behind the Ingress every connection comes from a controller pod's address
CHAT_ENGINE_MAXCONNECTIONSPERADDRESS: {{ int $c.maxConnectionsPerAddress | quote }}
{{- with $.Values.auth.jwkSetUri }}
CHAT_AUTH_JWK_SET_URI: {{ . | quote }}
{{- end }}
{{- with $.Values.auth.issuer }}
CHAT_AUTH_ISSUER: {{ . | quote }}
{{- end }}
{{- with $.Values.auth.audience }}
CHAT_AUTH_AUDIENCE: {{ . | quote }}
{{- end }}
{{- end }}
{{- range $env, $value := $c.config }}
{{ $env }}: {{ $value | quote }}
{{- end }}
{{- end }}

{{/*
The plain-value credentials one component reads, for its checksum/secret annotation (a change to
the MongoDB URI rolls message-service only). Call with (dict "root" $ "key" "gateway").
*/}}
{{- define "chat.secretInputs" -}}
{{- $v := .root.Values }}
{{- $inputs := list $v.existingSecret $v.redis.password $v.redis.existingSecret $v.kafka.sasl.jaasConfig $v.kafka.sasl.existingSecret }}
{{- if eq .key "gateway" }}{{ $inputs = concat $inputs (list $v.auth.jwtSecret $v.auth.existingSecret) }}{{ end }}
{{- if include "chat.usesMongo" .key }}{{ $inputs = concat $inputs (list $v.mongodb.uri $v.mongodb.existingSecret) }}{{ end }}
{{- $push := include "chat.pushPlainValues" .root | fromJson }}
{{- if eq .key "notificationService" }}{{ $inputs = concat $inputs (list $push $v.notificationService.push.existingSecret) }}{{ end }}
{{- if and (eq .key "gateway") (include "chat.webPush" .root) }}
{{- $inputs = concat $inputs (list (get $push $v.notificationService.push.secretKeys.webpushPublicKey) $v.notificationService.push.existingSecret) }}
{{- end }}
{{- toJson $inputs }}
{{- end }}

{{/* The chart-managed Secret's name. */}}
{{- define "chat.secretName" -}}
{{- include "chat.fullname" . }}
{{- end }}

{{/*
Resolves where one credential comes from: its own existing Secret, the global existingSecret,
or the chart's Secret (when the plain value is set). Returns "" when none applies.
Call with (dict "root" $ "value" <plain value> "own" <own existingSecret>).
*/}}
{{- define "chat.credentialSecret" -}}
{{- if .own }}{{ .own }}
{{- else if .root.Values.existingSecret }}{{ .root.Values.existingSecret }}
{{- else if .value }}{{ include "chat.secretName" .root }}
{{- end }}
{{- end }}

{{/* True when nothing tells the gateways how to verify tokens (they then refuse to start). */}}
{{- define "chat.authMissing" -}}
{{- $a := .Values.auth }}
{{- if not (or $a.jwtSecret $a.jwkSetUri $a.existingSecret .Values.existingSecret) }}true{{ end }}
{{- end }}

{{/* Fails on contradicting or weak settings, before anything is rendered. */}}
{{- define "chat.validate" -}}
{{- $a := .Values.auth }}
{{- if and $a.jwtSecret (lt (len $a.jwtSecret) 32) }}
{{- fail "auth.jwtSecret must be at least 32 characters (256 bits for HS256)" }}
{{- end }}
{{- if lt (int .Values.kafka.topicReplicationFactor) 1 }}
{{- fail "kafka.topicReplicationFactor must be at least 1" }}
{{- end }}
{{- if not .Values.kafka.bootstrapServers }}
{{- fail "kafka.bootstrapServers is required" }}
{{- end }}
{{- if not .Values.redis.host }}
{{- fail "redis.host is required" }}
{{- end }}
{{- if not (or .Values.mongodb.uri .Values.mongodb.existingSecret .Values.existingSecret) }}
{{- fail "mongodb.uri (or mongodb.existingSecret / existingSecret) is required" }}
{{- end }}
{{- if lt (int .Values.gateway.maxConnectionsPerAddress) 0 }}
{{- fail "gateway.maxConnectionsPerAddress must be at least 0 (0 = off)" }}
{{- end }}
{{- if lt (int .Values.ingress.connectionsPerAddress) 0 }}
{{- fail "ingress.connectionsPerAddress must be at least 0 (0 = no limit)" }}
{{- end }}
{{- $svc := .Values.gateway.service }}
{{- if and $svc.externalTrafficPolicy (not (has ($svc.type | default "ClusterIP") (list "LoadBalancer" "NodePort"))) }}
{{- fail "gateway.service.externalTrafficPolicy needs gateway.service.type LoadBalancer or NodePort" }}
{{- end }}
{{- range $key, $name := include "chat.components" . | fromYaml }}
{{- $c := index $.Values $key }}
{{- if and $c.autoscaling.enabled (gt (int $c.autoscaling.minReplicas) (int $c.autoscaling.maxReplicas)) }}
{{- fail (printf "%s.autoscaling.minReplicas must not exceed maxReplicas" $key) }}
{{- end }}
{{- if and (ne $key "gateway") (gt (int $c.autoscaling.maxReplicas) (int $.Values.kafka.topicPartitions)) }}
{{- fail (printf "%s.autoscaling.maxReplicas (%d) exceeds kafka.topicPartitions (%d): consumers beyond the partition count stay idle" $key (int $c.autoscaling.maxReplicas) (int $.Values.kafka.topicPartitions)) }}
{{- end }}
{{- $j := $c.jvm }}
{{- $budget := add $j.heapMiB $j.directMemoryMiB $j.metaspaceMiB $j.codeCacheMiB $j.nativeReserveMiB }}
{{- if gt (int $budget) (int $c.resources.memoryMiB) }}
{{- fail (printf "%s: jvm heapMiB + directMemoryMiB + metaspaceMiB + codeCacheMiB + nativeReserveMiB = %d MiB exceeds resources.memoryMiB %d: the pod would be OOM-killed" $key (int $budget) (int $c.resources.memoryMiB)) }}
{{- end }}
{{- end }}
{{- if and .Values.httpRoute.enabled (include "chat.polling" .) (not .Values.httpRoute.sessionAffinityConfigured) }}
{{- fail "httpRoute: gateway.transports includes polling, whose sessions live on one gateway, and HTTPRoutes have no session persistence: configure your Gateway API implementation's cookie affinity and set httpRoute.sessionAffinityConfigured=true, or set gateway.transports={websocket}" }}
{{- end }}
{{- $n := .Values.notificationService }}
{{- if and $n.enabled (not (or $n.push.existingSecret .Values.existingSecret)) }}
{{- $w := $n.push.webpush }}
{{- if and $w.enabled (not (and $w.publicKey $w.privateKey)) }}
{{- fail "notificationService.push.webpush: set publicKey and privateKey, or notificationService.push.existingSecret" }}
{{- end }}
{{- $a := $n.push.apns }}
{{- if and $a.enabled (not (and $a.signingKey $a.keyId $a.teamId $a.topic)) }}
{{- fail "notificationService.push.apns: set signingKey, keyId, teamId and topic, or notificationService.push.existingSecret" }}
{{- end }}
{{- if and $n.push.fcm.enabled (not $n.push.fcm.serviceAccountJson) }}
{{- fail "notificationService.push.fcm: set serviceAccountJson, or notificationService.push.existingSecret" }}
{{- end }}
{{- end }}
{{- if and .Values.httpRoute.enabled (not .Values.httpRoute.parentRefs) }}
{{- fail "httpRoute.parentRefs must name at least one Gateway" }}
{{- end }}
{{- end }}

{{/* Kafka's security protocol from the TLS and SASL settings. */}}
{{- define "chat.kafkaProtocol" -}}
{{- $k := .Values.kafka }}
{{- if $k.sasl.mechanism }}{{ ternary "SASL_SSL" "SASL_PLAINTEXT" $k.tls.enabled }}
{{- else }}{{ ternary "SSL" "PLAINTEXT" $k.tls.enabled }}
{{- end }}
{{- end }}
