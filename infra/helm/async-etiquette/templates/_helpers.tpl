{{- define "etiquette.name" -}}{{ .Release.Name }}-async-etiquette{{- end -}}
{{- define "etiquette.labels" -}}
app.kubernetes.io/name: async-etiquette
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
