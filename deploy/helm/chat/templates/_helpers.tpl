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
The three components. key: the values section; name: the Kubernetes name suffix and the
app.kubernetes.io/component label.
*/}}
{{- define "chat.components" -}}
gateway: gateway
messageService: message-service
presenceService: presence-service
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

{{/* Image of one component; call with (dict "root" $ "component" .Values.gateway). */}}
{{- define "chat.image" -}}
{{- $img := .root.Values.image }}
{{- $repo := .component.image.repository }}
{{- if $img.registry }}{{ $repo = printf "%s/%s" (trimSuffix "/" $img.registry) $repo }}{{ end }}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $img.tag) }}
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
{{- end }}
{{- end }}

{{/* Kafka's security protocol from the TLS and SASL settings. */}}
{{- define "chat.kafkaProtocol" -}}
{{- $k := .Values.kafka }}
{{- if $k.sasl.mechanism }}{{ ternary "SASL_SSL" "SASL_PLAINTEXT" $k.tls.enabled }}
{{- else }}{{ ternary "SSL" "PLAINTEXT" $k.tls.enabled }}
{{- end }}
{{- end }}
