package dev.loraguide.guide;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin operations on guides. Guarded by the admin bearer token
 * ({@code GUIDES_ADMIN_TOKEN}); there is deliberately no endpoint that accepts DRL, so
 * the rules folder stays the only way in.
 */
@RestController
@RequestMapping("/api/v1/admin/guides")
@SecurityScheme(name = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API token or JWT with the admin role (docs/security.md)")
@Tag(name = "Admin", description = "Guide operations; need the admin bearer token")
class GuideAdminController {

	private final GuideWatcher watcher;

	GuideAdminController(GuideWatcher watcher) {
		this.watcher = watcher;
	}

	@PostMapping("/reload")
	@Operation(summary = "Reload every guide from the rules folder now and report what happened to each",
			security = @SecurityRequirement(name = "adminToken"))
	ReloadResponse reload() {
		return new ReloadResponse(this.watcher.reloadNow());
	}

	/**
	 * The answer of a forced reload.
	 *
	 * @param guides what happened to each guide
	 */
	record ReloadResponse(List<GuideReload> guides) {
	}

}
