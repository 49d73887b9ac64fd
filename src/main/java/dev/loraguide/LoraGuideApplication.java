package dev.loraguide;

import java.util.Arrays;

import dev.loraguide.guide.GuideCheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LoraGuideApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("check")) {
			// The check for ML leads and CI: validates guides without starting the
			// service.
			System.exit(GuideCheck.run(Arrays.copyOfRange(args, 1, args.length), System.out));
		}
		SpringApplication.run(LoraGuideApplication.class, args);
	}

}
