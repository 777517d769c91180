package id.desaflow.portal.officials;

/** One open approval task as the approval service lists it (GET /api/v1/tasks?group=...). */
record Task(String id, String name, String role, String requestId, String trackingCode, String letterType,
        String applicantName, String createdAt, String dueAt, String assignee) {
}
