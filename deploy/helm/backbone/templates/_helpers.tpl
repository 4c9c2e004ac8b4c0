{{- define "backbone.labels" -}}
app.kubernetes.io/part-of: backbone
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{- define "backbone.image" -}}
{{ .root.Values.image.registry }}/backbone-{{ .name }}:{{ .root.Values.image.tag }}
{{- end }}

{{- define "backbone.databaseSecret" -}}
{{ .Values.database.existingSecret | default (printf "%s-database" .Release.Name) }}
{{- end }}

{{- /* Environment shared by every service container and the migrations Job. */ -}}
{{- define "backbone.env" -}}
- name: BACKBONE_DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "backbone.databaseSecret" . }}
      key: DATABASE_URL
- name: BACKBONE_DATABASE_APP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "backbone.databaseSecret" . }}
      key: APP_PASSWORD
      optional: true
{{- if .Values.auth.hs256Secret }}
- name: BACKBONE_JWT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Release.Name }}-auth
      key: JWT_SECRET
{{- end }}
{{- end }}

{{- /* Config and secrets are hooks too, so the pre-install migrations Job can read them. */ -}}
{{- define "backbone.hookFirst" -}}
helm.sh/hook: pre-install,pre-upgrade
helm.sh/hook-weight: "-10"
helm.sh/hook-delete-policy: before-hook-creation
{{- end }}

{{- /* The enabled services' in-cluster URLs, as the gateway reads them (JSON). */ -}}
{{- define "backbone.upstreams" -}}
{{- $urls := dict }}
{{- range $name, $svc := .Values.services }}
{{- if $svc.enabled }}
{{- $_ := set $urls $name (printf "http://%s-%s" $.Release.Name $name) }}
{{- end }}
{{- end }}
{{- $urls | toJson }}
{{- end }}
