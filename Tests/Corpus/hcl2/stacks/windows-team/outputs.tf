# Saved from Notepad: UTF-8 with BOM and CRLF line endings.
output "security_group_id" {
  value = aws_security_group.rdp.id
}

output "agent_ids" {
  description = "Build agent instance IDs (Größe: ${var.agent_count})"
  value       = aws_instance.build_agent[*].id
}
