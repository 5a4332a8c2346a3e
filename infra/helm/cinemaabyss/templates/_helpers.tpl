{{/* The in-cluster URL of a function's Knative Service. */}}
{{- define "cinemaabyss.url" -}}
http://{{ .name }}.{{ .namespace }}.svc.cluster.local
{{- end -}}
